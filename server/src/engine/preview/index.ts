// The preview's entry point: a post's text and settings to one card per platform it targets.
import { resolveConfig, type PostlintSettings } from '../config';
import { resolvePlatform, PLATFORMS } from '../count/platforms';
import { lintWith, type LintOutput } from '../lint';
import { BUILT_IN_RULES } from '../rules';
import { parsePost } from '../parse/post';
import { buildPreviewCard } from './build';
import type { MediaExists } from './media';
import type { PreviewAccount, PreviewModel } from './model';

export { buildPreviewCard } from './build';
export { displayLink } from './links';
export type { MediaExists } from './media';
export * from './model';

export interface PreviewOptions {
  /** Whether a local media path (as written in the draft) exists; the engine reads no files. */
  mediaExists?: MediaExists;
  /** Cards for these platforms instead of the ones the post targets. */
  platforms?: readonly string[];
  account?: Partial<PreviewAccount>;
  title?: string;
  /** The post's lint, when the caller has it already (the server keeps the newest one). */
  lint?: LintOutput;
}

export const PLACEHOLDER_ACCOUNT: Readonly<Record<'en' | 'zh-CN', PreviewAccount>> = {
  en: { name: 'Your Name', handle: 'yourhandle' },
  'zh-CN': { name: '你的名字', handle: 'yourhandle' },
};

/** The preview of a post on each platform it targets (front matter, else `postlint.platform`), or on `options.platforms`. */
export function previewPost(text: string, settings: PostlintSettings = {}, options: PreviewOptions = {}): PreviewModel {
  const config = resolveConfig(settings, BUILT_IN_RULES);
  const output = options.lint ?? lintWith(BUILT_IN_RULES, text, settings);
  const targets = output.stats.platforms.map((p) => p.platform);
  const ids = (options.platforms?.length ? options.platforms : targets.length > 0 ? targets : [config.platform]).filter((id) => PLATFORMS[id]);
  const placeholder = PLACEHOLDER_ACCOUNT[config.locale];
  const given = { ...config.previewAccount, ...options.account };
  const account = { name: given.name?.trim() || placeholder.name, handle: (given.handle?.trim() || placeholder.handle).replace(/^@/, '') };
  // A file over postlint.maxFileSize is not parsed by lint either: its cards show the file-size finding only.
  const post = output.stats.platforms.length > 0 ? parsePost(text) : parsePost('');
  const cards = ids.map((id) =>
    buildPreviewCard(post, resolvePlatform(id, config.platformOverrides[id])!, output.diagnostics, {
      locale: config.locale,
      mediaExists: options.mediaExists,
      primaryPlatform: targets[0] ?? config.platform,
    }),
  );
  const model: PreviewModel = { locale: config.locale, account, cards };
  if (options.title !== undefined) model.title = options.title;
  return model;
}

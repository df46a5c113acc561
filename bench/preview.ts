// The feed preview's cost on each keystroke: the model from a post already linted (the server keeps the
// newest lint) and the HTML of its cards, on a 10 KB post edited between runs so no cache answers twice.
import { join } from 'node:path';
import { bundleForBench } from './processes';
import { timePerInputSync, type Distribution } from './timing';

type PreviewApi = typeof import('../server/src/engine/preview') & typeof import('../server/src/engine/preview/html') & { lint: typeof import('../server/src/engine').lint };

/** The preview's model builder and renderer with the engine, bundled and minified as they ship. */
export function bundlePreview(repoRoot: string, outdir: string): Promise<string> {
  const source = "export { previewPost } from './server/src/engine/preview'; export { renderPreviewDocument, renderCards } from './server/src/engine/preview/html'; export { lint } from './server/src/engine';";
  return bundleForBench(repoRoot, join(outdir, 'preview.js'), { source });
}

export interface PreviewTimings {
  /** What a keystroke adds to the lint: the model from the lint, and the cards' HTML. */
  modelAndHtml: Distribution;
  /** The same for a post that targets all nine platforms (nine cards). */
  ninePlatforms: Distribution;
  /** Lint, model and HTML together (the CLI's `postlint preview` per file). */
  withLint: Distribution;
}

/** `text` with one character typed at a different place each time. */
function edits(text: string, count: number): string[] {
  const variants: string[] = [];
  for (let i = 0; i < count; i++) {
    const at = Math.floor(((i * 7919) % 997) / 997 * text.length);
    variants.push(`${text.slice(0, at)}${'a字 .#'[i % 5]}${text.slice(at)}`);
  }
  return variants;
}

export function timePreview(api: PreviewApi, text: string, runs: number): PreviewTimings {
  const settings = {};
  const nine = `---\nplatform: [x, weibo, threads, mastodon, bluesky, linkedin, instagram, facebook, xiaohongshu]\n---\n${text}`;
  const linted = (variants: string[]) => variants.map((variant) => ({ variant, lint: api.lint(variant, settings) }));
  const render = ({ variant, lint }: { variant: string; lint: ReturnType<PreviewApi['lint']> }) =>
    api.renderPreviewDocument([api.previewPost(variant, settings, { lint, title: 'post.post.md' })], { host: 'standalone' });
  return {
    modelAndHtml: timePerInputSync(linted(edits(text, runs)), render, { repeats: 1, warmups: 3 }),
    ninePlatforms: timePerInputSync(linted(edits(nine, runs)), render, { repeats: 1, warmups: 3 }),
    withLint: timePerInputSync(edits(text, runs), (variant) => api.renderPreviewDocument([api.previewPost(variant, settings)], { host: 'standalone' }), { repeats: 1, warmups: 3 }),
  };
}

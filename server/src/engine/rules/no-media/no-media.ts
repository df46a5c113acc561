import type { ParsedPost } from '../../parse/post';
import { docsUrl, type FixSpec, type Rule, type RuleContext } from '../../rule';
import type { Localized, OffsetEdit } from '../../types';
import { endsInOpenBlock, firstPublishedLine, insertParagraph, lineBreakOf } from '../../postEdits';
import { DEFAULT_VIDEO_HOSTS, videoLinkMatcher } from './videoLinks';

const DEFAULT_FRONT_MATTER_KEYS: readonly string[] = ['media', 'image', 'images', 'video'];

/** The placeholder the fixes insert; the file name is the part the writer replaces. */
const PLACEHOLDER_FILE = 'image.png';
const PLACEHOLDER_ALT: Localized = { en: 'Describe the image', zh: '描述这张图' };

export const noMediaRule: Rule = {
  meta: {
    id: 'no-media',
    family: 'no-media',
    defaultSeverity: 'information',
    description: { en: 'The post has no image, video or video link.', zh: '帖子没有图片、视频或视频链接。' },
    rationale: {
      en: 'In a feed of pictures and clips, a post that is only text is the easiest one to scroll past; an image or a short video stops the thumb and shows what the words describe.',
      zh: '信息流里满是图片和短视频，纯文字的帖子最容易被划过去；一张图或一段视频能让人停下来，也能把文字说的东西直接展示出来（图文并茂）。',
    },
    docs: docsUrl('no-media'),
    fixable: true,
    options: {
      videoHosts: {
        type: 'string[]',
        default: DEFAULT_VIDEO_HOSTS,
        description: {
          en: 'Sites whose links count as a video; a host covers its subdomains, and `host/path` covers only that part of the site.',
          zh: '链接算作视频的网站；写主机名时包括其子域名，写 `主机名/路径` 时只算该路径下的链接。',
        },
      },
      frontMatterKeys: {
        type: 'string[]',
        default: DEFAULT_FRONT_MATTER_KEYS,
        description: {
          en: 'Front-matter keys that attach media when they hold a value (your publishing tool uploads them).',
          zh: '有值时表示已附带媒体的 front matter 键（由发布工具上传）。',
        },
      },
    },
  },
  check(context) {
    const { post, t } = context;
    if (post.published.text.length === 0) return;
    if (post.images.length > 0 || post.mediaTags.length > 0) return;
    const keys = context.options.frontMatterKeys as readonly string[];
    if (keys.some((key) => hasValue(post.frontMatter?.data[key]))) return;
    const hosts = context.options.videoHosts as readonly string[];
    if (videoLinkMatcher(hosts)(post.published.text)) return;

    const firstLine = firstPublishedLine(post);
    if (!firstLine) return;
    context.report({
      ...firstLine,
      // About the whole post: shown on the first word the reader sees, not the whole line.
      anchor: 'head',
      message: t({
        en: 'Readers scroll past a post with nothing to look at: attach an image or a video, or link to one.',
        zh: '没有图片或视频的帖子，读者很容易一划而过：配一张图或一段视频，或者附上视频链接。',
      }),
      fixes: () => fixesFor(context),
    });
  },
};

/** Suggestions only, both naming a file the writer has yet to supply: an image at the end, or a front-matter entry. */
function fixesFor(context: RuleContext): FixSpec[] {
  const { post, t } = context;
  const alt = post.lang === 'zh' ? PLACEHOLDER_ALT.zh : PLACEHOLDER_ALT.en;
  const fixes: FixSpec[] = [];
  if (!endsInOpenBlock(post)) {
    fixes.push({
      title: t({ en: 'Add an image placeholder at the end of the post', zh: '在帖子末尾加一张图片占位' }),
      edits: [insertParagraph(post, post.text.length, `![${alt}](${PLACEHOLDER_FILE})`)],
      // An image that does not exist yet: the writer has to supply it, so it is never added in bulk.
      kind: 'suggestion',
    });
  }
  const key = (context.options.frontMatterKeys as readonly string[])[0];
  const frontMatterEdit = key && PLAIN_KEY.test(key) ? frontMatterEntryEdit(post, key) : null;
  if (frontMatterEdit) {
    fixes.push({
      title: t({ en: `Add a ${key}: entry to the front matter`, zh: `在 front matter 里加一项 ${key}:` }),
      edits: [frontMatterEdit],
      kind: 'suggestion',
    });
  }
  return fixes;
}

const LONE_CR = /\r(?!\n)/;

/** Keys the fix can write without quoting. */
const PLAIN_KEY = /^[A-Za-z_][\w-]*$/;

/**
 * Adds `key:` (the first front-matter key the rule accepts, `media` by default) to the front matter,
 * creating the front matter when there is none. Left out when the front matter cannot be read or
 * already has the key with a blank value: a second key would be a duplicate.
 */
function frontMatterEntryEdit(post: ParsedPost, key: string): OffsetEdit | null {
  const eol = lineBreakOf(post.text);
  // The YAML parser reads a lone `\r` as part of the line: front matter in a CR-only file would not parse.
  if (eol === '\r') return null;
  const entry = `${key}:${eol}  - ${PLACEHOLDER_FILE}${eol}`;
  const fm = post.frontMatter;
  if (!fm) {
    const at = post.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    return { start: at, end: at, newText: `---${eol}${entry}---${eol}` };
  }
  if (fm.problems.length > 0 || key in fm.data) return null;
  // The YAML parser reads a lone `\r` as part of the line, so a key added after one would not parse.
  if (LONE_CR.test(post.text.slice(fm.contentStart, fm.contentEnd))) return null;
  return { start: fm.contentEnd, end: fm.contentEnd, newText: entry };
}

/** Blank values (`image:`, `images: []`, `video: ""`) attach nothing. */
function hasValue(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.some(hasValue);
  if (typeof value === 'object') return Object.values(value).some(hasValue);
  return true;
}

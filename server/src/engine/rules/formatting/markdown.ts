import { isAsciiAlphanumeric } from '../../chars';
import type { ParsedPost } from '../../parse/post';
import { docsUrl, type Rule } from '../../rule';
import type { Localized, OffsetEdit } from '../../types';
import { findBlockMarkup, type MarkupConstruct, type MarkupKind } from './markdown-blocks';
export type { MarkupConstruct } from './markdown-blocks';
import { CODE, HASHTAG, MENTION, proseIndex, spanOfEdits, toSourceEdit, type ProseIndex } from './prose';

export const MARKUP_KINDS: readonly MarkupKind[] = ['heading', 'bold', 'italic', 'inline-code', 'link', 'table', 'fence', 'blockquote', 'hr'];

export const markdownRule: Rule = {
  meta: {
    id: 'formatting/markdown',
    family: 'formatting',
    defaultSeverity: 'warning',
    description: { en: 'Markdown that the platform shows as raw characters.', zh: '平台会原样显示的 Markdown 符号。' },
    rationale: {
      en: 'None of the platforms renders Markdown: `**`, `#`, `>` and pipes reach the reader as clutter, and a post that looks careless is read as careless.',
      zh: '这些平台都不渲染 Markdown：`**`、`#`、`>` 和竖线会原样出现在读者眼前。排版杂乱，用户看起来就吃力。',
    },
    docs: docsUrl('formatting/markdown'),
    fixable: true,
    options: {
      allow: {
        type: 'string[]',
        default: [],
        description: {
          en: `Kinds of markup to leave alone: ${MARKUP_KINDS.join(', ')}.`,
          zh: `不检查的标记种类：${MARKUP_KINDS.join('、')}。`,
        },
      },
    },
  },
  check(context) {
    const { post, t } = context;
    const allowed = context.options.allow as readonly string[];
    const platform = t(context.targets[0].spec.name);
    for (const construct of findMarkup(post)) {
      if (allowed.includes(construct.kind)) continue;
      const markup = markupOf(post.text, construct);
      const more = context.report({
        start: construct.start,
        end: construct.end,
        message: t(MESSAGES[construct.kind](platform, markup)),
        // Keeps every word the reader saw and drops only the markup: a fix, though the fence's language tag goes with its line.
        fixes: [{ title: t({ en: 'Convert to plain text', zh: '改为纯文本' }), edits: construct.edits, kind: 'fix' }],
      });
      if (!more) return;
    }
  },
};

/** Every Markdown construct the platforms print raw, block and inline; the preview marks their characters. */
export function findMarkup(post: ParsedPost): MarkupConstruct[] {
  return [...findBlockMarkup(post), ...findInlineMarkup(post, proseIndex(post))];
}

/** The characters the reader would see, for the message: the first markup the fix removes. */
function markupOf(text: string, construct: MarkupConstruct): string {
  const first = construct.edits.find((e) => e.end > e.start);
  return first ? text.slice(first.start, first.end).trim().slice(0, 12) : '';
}

const MESSAGES: Record<MarkupKind, (platform: string, markup: string) => Localized> = {
  heading: (p, m) => ({
    en: `${p} doesn't render Markdown headings: readers see "${m}" instead of a heading, so make it a plain line.`,
    zh: `${p}不渲染 Markdown 标题：读者看到的是“${m}”而不是标题，改成普通的一行字即可。`,
  }),
  bold: (p, m) => ({
    en: `${p} doesn't render bold: readers see the "${m}" around the words, so drop them.`,
    zh: `${p}不渲染加粗：读者会看到文字两边的“${m}”，去掉这些符号即可。`,
  }),
  italic: (p, m) => ({
    en: `${p} doesn't render italics: readers see the "${m}" around the words, so drop them (or allow "italic" if you use them on purpose).`,
    zh: `${p}不渲染斜体：读者会看到文字两边的“${m}”，去掉即可（若是有意用星号强调，可在设置里允许 italic）。`,
  }),
  'inline-code': (p) => ({
    en: `${p} doesn't render code spans: readers see the backticks, so drop them.`,
    zh: `${p}不渲染行内代码：读者会看到反引号，去掉即可。`,
  }),
  link: (p) => ({
    en: `${p} doesn't render Markdown links: readers see brackets and a URL in parentheses, so write the words, then the link.`,
    zh: `${p}不渲染 Markdown 链接：读者会看到方括号和括号里的网址，改成“文字 + 空格 + 链接”。`,
  }),
  table: (p) => ({
    en: `${p} doesn't render tables: readers see rows of pipes and dashes, so write one line per row.`,
    zh: `${p}不渲染表格：读者会看到一堆竖线和横线，改成每行一条。`,
  }),
  fence: (p, m) => ({
    en: `${p} doesn't render code blocks: readers see the "${m}" fences, so keep just the code lines.`,
    zh: `${p}不渲染代码块：读者会看到“${m}”围栏，只保留代码行即可。`,
  }),
  blockquote: (p) => ({
    en: `${p} doesn't render block quotes: readers see the ">" signs, so quote in plain words instead.`,
    zh: `${p}不渲染引用块：读者会看到“>”符号，直接用文字引述即可。`,
  }),
  hr: (p, m) => ({
    en: `${p} doesn't render horizontal rules: readers see a line of "${m}", and a blank line separates just as well.`,
    zh: `${p}不渲染分隔线：读者看到的是一行“${m}”，空一行就能起到分隔作用。`,
  }),
};

// Emphasis as CommonMark delimits it, bounded to 200 characters on one line so the scan stays linear.
// `*` runs may not touch ASCII letters or digits outside (`2*3*4`), `_` runs no letter at all (snake_case),
// nor a `.` before or a `(` after (`obj.__init__()` is a name in code, not bold).
const EMPHASIS = /(?<![\\*])(\*{1,3})(?![\s*])([^\n]{0,200}?[^\s\\*])\1(?!\*)|(?<![\\_\p{L}\p{N}])(_{1,3})(?![\s_])([^\n]{0,200}?[^\s\\_])\3(?![_\p{L}\p{N}])/gu;
const HAS_WORD = /[\p{L}\p{N}]/u;
// Single-delimiter emphasis must start and end on a word, so emoticons like -_- … -_- and *^_^* stay out.
const ITALIC_OPENS = /^[\p{L}\p{N}"'“‘(（《【「]/u;
const ITALIC_CLOSES = /[\p{L}\p{N}"'”’)）》】」.!?。！？]$/u;
// The destination is printable ASCII (a URL or a path): Weibo's "[偷笑](…)" is an emoticon and an aside.
const LINK = /(?<![!\\])\[([^\]\n]{1,200})\]\(([!-'*-~]{1,500})(?:[ \t]+"[^"\n]{0,200}")?\)/g;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Emphasis, code spans and links in the published text, with edits in source offsets. */
function findInlineMarkup(post: ParsedPost, index: ProseIndex): MarkupConstruct[] {
  const { text, mask } = index;
  const found: MarkupConstruct[] = [];
  const construct = (kind: MarkupKind, start: number, end: number, edits: OffsetEdit[]) => {
    const span = spanOfEdits(toSourceEdit(post, start, end, ''), edits);
    found.push({ kind, start: span.start, end: span.end, edits });
  };

  for (const span of index.inlineCode) {
    let open = span.start;
    while (text.charCodeAt(open) === 96) open++;
    const width = open - span.start;
    construct('inline-code', span.start, span.end, [toSourceEdit(post, span.start, open, ''), toSourceEdit(post, span.end - width, span.end, '')]);
  }

  const usedDelimiters = new Set<number>();
  // Most posts have neither `*` nor `_`; skipping the scan then is most of this rule's speed.
  EMPHASIS.lastIndex = text.includes('*') || text.includes('_') ? 0 : text.length;
  for (let m = EMPHASIS.exec(text); m !== null; m = EMPHASIS.exec(text)) {
    const delimiter = m[1] ?? m[3];
    const content = m[2] ?? m[4];
    const open = m.index;
    const close = open + delimiter.length + content.length;
    const end = close + delimiter.length;
    // Keep scanning inside the match: nested emphasis is its own construct.
    EMPHASIS.lastIndex = open + 1;
    if (mask[open] !== 0 || mask[close] !== 0 || usedDelimiters.has(open) || usedDelimiters.has(close)) continue;
    if (!HAS_WORD.test(content)) continue;
    if (delimiter[0] === '*' && (isAsciiAlphanumeric(text.charCodeAt(open - 1)) || isAsciiAlphanumeric(text.charCodeAt(end)))) continue;
    if (delimiter.length === 1 && !(ITALIC_OPENS.test(content) && ITALIC_CLOSES.test(content))) continue;
    if (delimiter[0] === '_' && (text[open - 1] === '.' || text[end] === '(')) continue;
    for (let i = 0; i < delimiter.length; i++) usedDelimiters.add(open + i).add(close + i);
    construct(delimiter.length === 1 ? 'italic' : 'bold', open, end, [toSourceEdit(post, open, open + delimiter.length, ''), toSourceEdit(post, close, end, '')]);
  }

  LINK.lastIndex = text.includes('](') ? 0 : text.length;
  for (let m = LINK.exec(text); m !== null; m = LINK.exec(text)) {
    if (mask[m.index] & (CODE | MENTION | HASHTAG)) continue;
    const [whole, label, url] = m;
    const start = m.index;
    const end = start + whole.length;
    const urlStart = start + label.length + 3;
    const urlEnd = urlStart + url.length;
    // A URL run straight into the next word is not recognised as a link, so a space follows it.
    const after = WORD_CHAR.test(text[end] ?? '') ? ' ' : '';
    const edits =
      label.trim() === url || label.trim() === url.replace(/^https?:\/\//, '')
        ? [toSourceEdit(post, start, urlStart, ''), toSourceEdit(post, urlEnd, end, after)]
        : [toSourceEdit(post, start, start + 1, ''), toSourceEdit(post, urlStart - 2, urlStart, ' '), toSourceEdit(post, urlEnd, end, after)];
    construct('link', start, end, edits);
  }
  return found;
}

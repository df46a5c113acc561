// Helpers for rules that point at whole lines or paragraphs and fix a post by adding to it,
// rather than by rewriting a phrase. Shared so that every such rule trims, maps and separates the same way.
import type { ParsedPost } from './parse/post';
import type { OffsetEdit } from './types';
import { isSpaceLike } from './chars';

export interface SourceSpan {
  start: number;
  end: number;
}

/**
 * The post's own line break, so inserted lines never mix `\n` into a `\r\n` file: as its first LF
 * has it, or a lone CR in a file broken by CR alone (as old Mac files are).
 */
export function lineBreakOf(text: string): string {
  const lf = text.indexOf('\n');
  if (lf < 0) return text.includes('\r') ? '\r' : '\n';
  return lf > 0 && text.charCodeAt(lf - 1) === 13 ? '\r\n' : '\n';
}

/**
 * The source span of the published text between two published offsets, with surrounding whitespace
 * trimmed: what the reader sees of that stretch, without the Markdown-invisible edges.
 */
export function sourceSpanOfPublished(post: ParsedPost, publishedStart: number, publishedEnd: number): SourceSpan | null {
  const text = post.published.text;
  let a = publishedStart;
  let b = publishedEnd;
  while (a < b && isSpaceLike(text.charCodeAt(a))) a++;
  while (b > a && isSpaceLike(text.charCodeAt(b - 1))) b--;
  if (b <= a) return null;
  return { start: post.published.toSource(a, 'start'), end: post.published.toSource(b, 'end') };
}

/** The first line the reader sees, as a source span. */
export function firstPublishedLine(post: ParsedPost): SourceSpan | null {
  const text = post.published.text;
  let end = 0;
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  return sourceSpanOfPublished(post, 0, end);
}

/**
 * Inserts `paragraph` as a paragraph of its own at source offset `at`, separated from the text
 * before it by one blank line. Never removes anything, so the user's text stays as it was.
 */
export function insertParagraph(post: ParsedPost, at: number, paragraph: string): OffsetEdit {
  const text = post.text;
  const eol = lineBreakOf(text);
  let breaksBefore = 0;
  for (let i = at - 1; i >= post.bodyStart && breaksBefore < 2; i--) {
    const c = text.charCodeAt(i);
    // A line break is LF, or a CR not followed by LF (old Mac files break lines with CR alone).
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) breaksBefore++;
    else if (c !== 13 && c !== 32 && c !== 9) break;
  }
  const before = at <= post.bodyStart ? '' : eol.repeat(2 - breaksBefore);
  let after = '';
  if (at < text.length) {
    // Text that follows on the same line (a trailing comment, say) moves below the new paragraph.
    const next = text.charCodeAt(at);
    if (next !== 10 && next !== 13) after = eol + eol;
  } else if (breaksBefore > 0) {
    // The file ended with a line break; keep it that way.
    after = eol;
  }
  return { start: at, end: at, newText: before + paragraph + after };
}

/** Raw HTML blocks that run until a terminator rather than a blank line (CommonMark types 1 to 5). */
const HTML_BLOCKS_UNTIL_TERMINATOR: readonly [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
  [/^ {0,3}<![A-Za-z]/, />/],
];

/**
 * Whether the post ends inside a code fence or raw HTML block that was never closed. Text added at
 * the end would land inside it and not be read as a paragraph, so such a fix must not be offered.
 * Only top-level blocks matter: a blank line and an unindented paragraph close any list or quote around them.
 */
export function endsInOpenBlock(post: ParsedPost): boolean {
  let last = post.blocks.length - 1;
  while (last >= 0 && post.blocks[last].depth > 0) last--;
  if (last < 0) return false;
  const block = post.blocks[last];
  if (block.kind === 'fence') {
    if (block.endLine === block.startLine) return true;
    const lastLine = Math.min(block.endLine, post.lines.lineCount - 1);
    return !isClosingFence(post.text.slice(post.lines.lineStarts[lastLine], block.end), block.markup);
  }
  if (block.kind === 'html_block') {
    const source = post.text.slice(block.start, block.end);
    for (const [opening, terminator] of HTML_BLOCKS_UNTIL_TERMINATOR) {
      const open = opening.exec(source);
      if (open) return !terminator.test(source.slice(open[0].length));
    }
  }
  return false;
}

/** A closing fence: up to three spaces, at least as many of the opening fence's character, then only blanks. */
function isClosingFence(line: string, opening: string): boolean {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  const start = i;
  while (line[i] === opening[0]) i++;
  if (i - start < opening.length) return false;
  return line.slice(i).trim() === '';
}

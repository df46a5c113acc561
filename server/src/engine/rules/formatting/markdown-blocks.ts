import { lineBreakOf } from '../../postEdits';
import type { Block } from '../../parse/markdown';
import type { ParsedPost } from '../../parse/post';
import type { OffsetEdit } from '../../types';
import { isIntendedFence } from './prose';

// Block-level Markdown (headings, fences, tables, block quotes, rules) and the edits that turn each into
// plain text. Every edit touches only the construct's own markup, so the edits of different findings never
// overlap: a heading inside a quote loses its `#`, the quote loses its `>`, each in its own finding.

export type MarkupKind = 'heading' | 'bold' | 'italic' | 'inline-code' | 'link' | 'table' | 'fence' | 'blockquote' | 'hr';

export interface MarkupConstruct {
  kind: MarkupKind;
  /** Source offsets of the construct. */
  start: number;
  end: number;
  edits: OffsetEdit[];
}

const QUOTE_PREFIX = /(?: {0,3}>[ \t]?)+/y;
const LEADING_SPACE = /[ \t]*/y;
// Every leading run goes: removing only the first of `### ### x` would leave a heading.
const ATX_OPEN = /(?:#{1,6}(?:[ \t]+|(?=[\r\n]|$)))+/y;
// Matched after the opener, which takes the spaces: in `### ###` the closing run starts the rest (CommonMark: an empty heading).
const ATX_CLOSE = /(?:^|[ \t]+)#+[ \t]*$/;
const FENCE_CLOSE = /(`{3,}|~{3,})[ \t]*$/y;
const BLANK = /^[ \t>]*$/;

/** Reads lines of the post with the block-quote markers of enclosing quotes skipped. */
class LineView {
  constructor(private readonly post: ParsedPost) {}

  start(line: number): number {
    return this.post.lines.lineStarts[line] ?? this.post.text.length;
  }

  end(line: number): number {
    return this.post.lines.lineEnd(line);
  }

  /** Where the line's own content begins: after quote markers (when quoted) and indentation. */
  contentStart(line: number, quoted: boolean): number {
    let at = this.start(line);
    if (quoted) at += matchLength(QUOTE_PREFIX, this.post.text, at);
    return at + matchLength(LEADING_SPACE, this.post.text, at);
  }

  content(line: number, quoted: boolean): string {
    return this.post.text.slice(this.contentStart(line, quoted), this.end(line));
  }

  isBlank(line: number): boolean {
    return BLANK.test(this.post.text.slice(this.start(line), this.end(line)));
  }

  /** Empties a line inside a quote, keeping its `>` markers: the quote's own finding removes those. */
  clearContent(line: number): OffsetEdit {
    return { start: this.contentStart(line, true), end: this.end(line), newText: '' };
  }

  /** Removes a line together with the line break before it (the line is never the first of the block). */
  removeWithBreakBefore(line: number, quoted: boolean): OffsetEdit {
    return quoted ? this.clearContent(line) : { start: this.end(line - 1), end: this.end(line), newText: '' };
  }
}

function matchLength(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0].length ?? 0;
}

/** Block constructs in source order. */
export function findBlockMarkup(post: ParsedPost): MarkupConstruct[] {
  const view = new LineView(post);
  const firstBodyLine = post.lines.lineAt(post.bodyStart);
  const found: MarkupConstruct[] = [];
  for (const block of post.blocks) {
    const construct = toConstruct(block, view, post, firstBodyLine);
    if (construct && construct.edits.length > 0) found.push(construct);
  }
  return found;
}

function toConstruct(block: Block, view: LineView, post: ParsedPost, firstBodyLine: number): MarkupConstruct | undefined {
  switch (block.kind) {
    case 'heading':
      return block.markup.startsWith('#') ? atxHeading(block, view) : setextHeading(block, view);
    case 'fence':
      return isIntendedFence(post.text, block) ? fence(block, view) : undefined;
    case 'table':
      return table(block, view, post.text);
    case 'blockquote':
      return block.inQuote ? undefined : blockquote(block, view, post.text);
    case 'hr':
      return rule(block, view, post, firstBodyLine);
    default:
      return undefined;
  }
}

function atxHeading(block: Block, view: LineView): MarkupConstruct {
  const line = block.startLine;
  const start = view.contentStart(line, block.inQuote);
  const end = view.end(line);
  const text = view.content(line, block.inQuote);
  const edits: OffsetEdit[] = [];
  const open = matchLength(ATX_OPEN, text, 0);
  if (open > 0) edits.push({ start, end: start + open, newText: '' });
  const close = ATX_CLOSE.exec(text.slice(open));
  if (close && open > 0) edits.push({ start: end - close[0].length, end, newText: '' });
  return { kind: 'heading', start, end, edits };
}

/** `Title` over `===` or `---`: the underline goes. */
function setextHeading(block: Block, view: LineView): MarkupConstruct {
  const edit = view.removeWithBreakBefore(block.endLine, block.inQuote);
  return { kind: 'heading', start: view.contentStart(block.startLine, block.inQuote), end: view.end(block.endLine), edits: [edit] };
}

/** The fence lines go; the code stays as plain lines. */
function fence(block: Block, view: LineView): MarkupConstruct {
  const open = block.startLine;
  const close = block.endLine;
  const quoted = block.inQuote;
  const start = view.contentStart(open, quoted);
  const closeText = view.content(close, quoted);
  const closes = close > open && matchLength(FENCE_CLOSE, closeText, 0) === closeText.length && closeText.startsWith(block.markup[0]) && closeText.trimEnd().length >= block.markup.length;
  const edits: OffsetEdit[] = [];
  if (closes && close === open + 1) {
    // An empty fence: nothing to keep, so one edit takes both lines.
    edits.push({ start: quoted ? start : view.start(open), end: view.end(close), newText: '' });
  } else {
    edits.push(quoted ? view.clearContent(open) : { start: view.start(open), end: view.start(open + 1), newText: '' });
    if (closes) edits.push(view.removeWithBreakBefore(close, quoted));
  }
  return { kind: 'fence', start: Math.min(start, edits[0].start), end: view.end(close), edits };
}

/** Rows become lines with cells joined by " · "; the delimiter row goes. */
function table(block: Block, view: LineView, text: string): MarkupConstruct {
  const quoted = block.inQuote;
  const edits: OffsetEdit[] = [];
  for (let line = block.startLine; line <= block.endLine; line++) {
    if (line === block.startLine + 1) {
      edits.push(view.removeWithBreakBefore(line, quoted));
      continue;
    }
    edits.push(...rowEdits(text, view.contentStart(line, quoted), view.end(line)));
  }
  return { kind: 'table', start: view.contentStart(block.startLine, quoted), end: view.end(block.endLine), edits };
}

/** Pipes outside code spans and escapes; a run of pipes with only spaces between is one separator. */
function rowEdits(text: string, from: number, to: number): OffsetEdit[] {
  const pipes: number[] = [];
  let inCode = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 96 /* ` */) inCode = !inCode;
    else if (c === 124 /* | */ && !inCode) pipes.push(i);
  }
  const edits: OffsetEdit[] = [];
  let contentEnd = to;
  while (contentEnd > from && isBlankChar(text.charCodeAt(contentEnd - 1))) contentEnd--;
  for (let p = 0; p < pipes.length; ) {
    let start = pipes[p];
    let end = start + 1;
    let q = p + 1;
    for (;;) {
      while (end < to && isBlankChar(text.charCodeAt(end))) end++;
      if (q < pipes.length && pipes[q] === end) {
        end++;
        q++;
      } else break;
    }
    while (start > from && isBlankChar(text.charCodeAt(start - 1))) start--;
    const leading = start === from;
    const trailing = end >= contentEnd;
    edits.push({ start, end: trailing ? Math.max(end, to) : end, newText: leading || trailing ? '' : ' · ' });
    p = q;
  }
  return edits;
}

function isBlankChar(code: number): boolean {
  return code === 32 || code === 9;
}

/** The outermost quote: every `>` marker of its lines goes (nested markers too). */
function blockquote(block: Block, view: LineView, text: string): MarkupConstruct | undefined {
  const first = view.start(block.startLine);
  const firstPrefix = matchLength(QUOTE_PREFIX, text, first);
  const afterMarker = text.charCodeAt(first + firstPrefix - 1);
  // `>50%` reads as "more than 50%": only `> ` with a space (or an empty `>` line) is taken as a quote.
  if (firstPrefix === 0 || (afterMarker === 62 /* > */ && first + firstPrefix < view.end(block.startLine))) return undefined;
  const edits: OffsetEdit[] = [];
  for (let line = block.startLine; line <= block.endLine; line++) {
    const start = view.start(line);
    const length = matchLength(QUOTE_PREFIX, text, start);
    if (length > 0) edits.push({ start, end: start + length, newText: '' });
  }
  return { kind: 'blockquote', start: first, end: view.end(block.endLine), edits };
}

/**
 * A horizontal rule goes, leaving exactly one blank line between what it separated. Outside quotes the
 * range runs to the next non-blank line, because that is what the edit removes.
 */
function rule(block: Block, view: LineView, post: ParsedPost, firstBodyLine: number): MarkupConstruct {
  const line = block.startLine;
  if (block.inQuote) {
    const edit = view.clearContent(line);
    return { kind: 'hr', start: edit.start, end: edit.end, edits: [edit] };
  }
  let next = line + 1;
  while (next < post.lines.lineCount && view.isBlank(next)) next++;
  const start = view.start(line);
  const end = next < post.lines.lineCount ? view.start(next) : post.text.length;
  const blankBefore = line === firstBodyLine || view.isBlank(line - 1);
  const keepBreak = !blankBefore && next < post.lines.lineCount;
  return { kind: 'hr', start, end, edits: [{ start, end, newText: keepBreak ? lineBreakOf(post.text) : '' }] };
}

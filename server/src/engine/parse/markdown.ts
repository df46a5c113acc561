import type { MarkdownIt } from 'markdown-it';
import { markdownItModule } from '../onDemand';
import type { LineIndex } from './lines';

export type BlockKind =
  | 'paragraph'
  | 'heading'
  | 'fence'
  | 'code_block'
  | 'table'
  | 'blockquote'
  | 'hr'
  | 'html_block'
  | 'list_item';

export interface Block {
  kind: BlockKind;
  /** Source offsets: start of the first line, end of the last line (before its line break). */
  start: number;
  end: number;
  startLine: number;
  /** Last line, inclusive. */
  endLine: number;
  /** Nesting depth: 0 for top-level blocks. */
  depth: number;
  /** True when the block sits inside a block quote. */
  inQuote: boolean;
  /** The opening markup, e.g. `##` for a heading or ``` for a fence. */
  markup: string;
}

// Only block structure is parsed: inline constructs are recovered from the source with
// offsets, which markdown-it's inline tokens do not carry. Skipping the inline pass halves the cost.
// linkify stays off: the bundles replace linkify-it with a stand-in that finds no links (esbuild.config.mjs).
let parser: MarkdownIt | undefined;

function blockParser(): MarkdownIt {
  if (parser) return parser;
  parser = new (markdownItModule().MarkdownIt)('default', { html: true, linkify: false, typographer: false });
  parser.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);
  return parser;
}

const KIND_OF_TOKEN: Record<string, BlockKind> = {
  paragraph_open: 'paragraph',
  heading_open: 'heading',
  fence: 'fence',
  code_block: 'code_block',
  table_open: 'table',
  blockquote_open: 'blockquote',
  hr: 'hr',
  html_block: 'html_block',
  list_item_open: 'list_item',
};

/** Parses the Markdown body that starts at `bodyStart` and returns its blocks in source order. */
export function parseBlocks(text: string, bodyStart: number, lines: LineIndex): Block[] {
  return plainParagraphs(text, bodyStart, lines) ?? parseWithMarkdownIt(text, bodyStart, lines);
}

/** markdown-it's reading of the body, whatever it holds. */
export function parseWithMarkdownIt(text: string, bodyStart: number, lines: LineIndex): Block[] {
  const body = text.slice(bodyStart);
  if (body.length === 0) return [];
  const firstLine = lines.lineAt(bodyStart);
  const tokens = blockParser().parse(body, {});
  const blocks: Block[] = [];
  let quoteDepth = 0;
  for (const token of tokens) {
    if (token.type === 'blockquote_open') quoteDepth++;
    else if (token.type === 'blockquote_close') quoteDepth--;
    const kind = KIND_OF_TOKEN[token.type];
    if (!kind || !token.map) continue;
    const startLine = firstLine + token.map[0];
    const endLine = Math.max(startLine, firstLine + token.map[1] - 1);
    const start = Math.max(bodyStart, lines.lineStarts[startLine] ?? text.length);
    blocks.push({
      kind,
      start,
      end: lines.lineEnd(Math.min(endLine, lines.lineCount - 1)),
      startLine,
      endLine,
      depth: token.level,
      inQuote: kind === 'blockquote' ? quoteDepth > 1 : quoteDepth > 0,
      markup: token.markup,
    });
  }
  return blocks;
}

/**
 * Most posts are nothing but paragraphs. When no line of the body could open or underline any other
 * block, markdown-it would find exactly one paragraph per run of non-blank lines; this finds those
 * without it (markdown-it's block pass is the largest part of parsing a short post). Any line that
 * might be more than paragraph text sends the whole body to markdown-it, so the test is deliberately
 * coarser than CommonMark: `test/property/markdown.property.test.ts` holds both readings equal.
 */
export function plainParagraphs(text: string, bodyStart: number, lines: LineIndex): Block[] | undefined {
  const blocks: Block[] = [];
  const starts = lines.lineStarts;
  let open = -1;
  for (let line = lines.lineAt(bodyStart); line < starts.length; line++) {
    const from = Math.max(bodyStart, starts[line]);
    const to = lines.lineEnd(line);
    const opens = lineOpening(text, from, to);
    if (opens === LineOpening.Other) return undefined;
    if (opens === LineOpening.Blank) {
      if (open >= 0) blocks.push(paragraph(lines, bodyStart, open, line - 1));
      open = -1;
    } else if (open < 0) open = line;
  }
  if (open >= 0) blocks.push(paragraph(lines, bodyStart, open, starts.length - 1));
  return blocks;
}

const enum LineOpening {
  Blank,
  Text,
  /** Could start, continue or underline a block other than a paragraph. */
  Other,
}

function lineOpening(text: string, from: number, to: number): LineOpening {
  let i = from;
  // Up to three spaces may come before a block's marker; four, or a tab, make indented code.
  while (i < to && text.charCodeAt(i) === 0x20) i++;
  if (i >= to) return LineOpening.Blank;
  const first = text.charCodeAt(i);
  if (first === 0x09) return allSpaceOrTab(text, i, to) ? LineOpening.Blank : LineOpening.Other;
  if (i - from >= 4) return LineOpening.Other;
  const second = i + 1 < to ? text.charCodeAt(i + 1) : -1;
  switch (first) {
    case 0x23: // # opens a heading only before a space, a tab, another # or the line's end.
      return second === 0x23 || second === 0x20 || second === 0x09 || second === -1 ? LineOpening.Other : LineOpening.Text;
    case 0x2a: // * - + _ = open a list item, a thematic break, a setext underline or a table's
    case 0x2d: // delimiter row only before a space, a tab, a line's end or one of the block markers.
    case 0x2b:
    case 0x5f:
    case 0x3d:
      return second === -1 || second === 0x20 || second === 0x09 || isMarkerChar(second) ? LineOpening.Other : LineOpening.Text;
    case 0x3e: // > block quote
    case 0x3c: // < HTML block
    case 0x5b: // [ link reference definition
    case 0x7c: // | and : table delimiter rows
    case 0x3a:
    case 0x60: // ` and ~ fences
    case 0x7e:
      return LineOpening.Other;
    default:
      // 1. or 1) opens an ordered list.
      return first >= 0x30 && first <= 0x39 && startsOrderedMarker(text, i, to) ? LineOpening.Other : LineOpening.Text;
  }
}

function isMarkerChar(c: number): boolean {
  return c === 0x2a || c === 0x2d || c === 0x2b || c === 0x5f || c === 0x3d || c === 0x3a || c === 0x7c;
}

function allSpaceOrTab(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}

function startsOrderedMarker(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && i - from < 10) {
    const c = text.charCodeAt(i);
    if (c === 0x2e || c === 0x29) return true;
    if (c < 0x30 || c > 0x39) return false;
    i++;
  }
  return false;
}

function paragraph(lines: LineIndex, bodyStart: number, startLine: number, endLine: number): Block {
  return {
    kind: 'paragraph',
    start: Math.max(bodyStart, lines.lineStarts[startLine]),
    end: lines.lineEnd(endLine),
    startLine,
    endLine,
    depth: 0,
    inQuote: false,
    markup: '',
  };
}

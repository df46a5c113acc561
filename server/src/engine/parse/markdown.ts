import MarkdownIt from 'markdown-it';
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
const parser = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
parser.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);

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
  const body = text.slice(bodyStart);
  if (body.length === 0) return [];
  const firstLine = lines.lineAt(bodyStart);
  const tokens = parser.parse(body, {});
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

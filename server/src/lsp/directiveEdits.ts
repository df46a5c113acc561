// Inserting the inline directives that silence a rule (their meaning is the engine's business):
//   <!-- postlint-disable-next-line rule-id -->   on the line above a finding
//   <!-- postlint-disable rule-id --> … <!-- postlint-enable rule-id -->
//                                                 around a code block holding the finding, since a
//                                                 comment inside code is code, not a directive
//   <!-- postlint-disable-file rule-id -->        at the top of the body, after the front matter
// Several rules share one comment, separated by spaces, before an optional `-- reason`.
import { lineBreakOf, type OffsetEdit, type ParsedPost } from '../engine';

export type DirectiveKind = 'postlint-disable-next-line' | 'postlint-disable-file';

const DIRECTIVE = /^([ \t]*)<!--\s*(postlint-disable-next-line|postlint-disable-file)\b([^>]*?)(\s+--\s[^>]*?)?\s*-->[ \t]*$/;

/**
 * The edits that silence `rule` on `line`: a disable-next-line comment above it, or, when the line is
 * inside a code block (where a comment would be shown as code and silence nothing), a disable and
 * enable pair around the block. Null where no comment can go (front matter) or the rule is silenced.
 */
export function disableLineEdits(post: ParsedPost, line: number, rule: string): OffsetEdit[] | null {
  const block = post.blocks.find((b) => (b.kind === 'fence' ? line > b.startLine : b.kind === 'code_block' && line >= b.startLine) && line <= b.endLine);
  if (!block) {
    const edit = disableNextLineEdit(post, line, rule);
    return edit && [edit];
  }
  const { text, lines } = post;
  const eol = lineBreakOf(text);
  const opening = lines.lineStarts[block.startLine];
  let indent = /^[ \t]*/.exec(text.slice(opening, lines.lineEnd(block.startLine)))![0];
  // An indented code block's own four columns would make the comment code too.
  if (block.kind === 'code_block') indent = indent.replace(/^(?: {4}|\t| {0,3}\t)/, '');
  const closing = lines.lineEnd(block.endLine);
  const after = closing < text.length ? closing + (text.startsWith('\r\n', closing) ? 2 : 1) : closing;
  const trailing = after === text.length && !/[\r\n]$/.test(text) ? eol : '';
  return [
    { start: opening, end: opening, newText: `${indent}<!-- postlint-disable ${rule} -->${eol}` },
    { start: after, end: after, newText: `${trailing}${indent}<!-- postlint-enable ${rule} -->${eol}` },
  ];
}

/**
 * Silences `rule` on `line`: extends a `postlint-disable-next-line` comment on the line above, or
 * inserts one with the line's own indentation. Null inside the front matter, where a comment would
 * break the YAML, and when the rule is already named there.
 */
export function disableNextLineEdit(post: ParsedPost, line: number, rule: string): OffsetEdit | null {
  const { text, lines } = post;
  const lineStart = lines.lineStarts[line];
  if (lineStart === undefined || lineStart < post.bodyStart) return null;
  if (line > 0) {
    const above = lines.lineStarts[line - 1];
    if (above >= post.bodyStart) {
      const extended = extendDirective(text, above, lines.lineEnd(line - 1), 'postlint-disable-next-line', rule);
      if (extended !== undefined) return extended;
    }
  }
  const indent = /^[ \t]*/.exec(text.slice(lineStart, lines.lineEnd(line)))![0];
  return { start: lineStart, end: lineStart, newText: `${indent}<!-- postlint-disable-next-line ${rule} -->${lineBreakOf(text)}` };
}

/** Silences `rule` in the whole post: extends a `postlint-disable-file` comment at the top of the body, or inserts one. */
export function disableFileEdit(post: ParsedPost, rule: string): OffsetEdit | null {
  const { text, lines } = post;
  const at = post.bodyStart;
  const eol = lineBreakOf(text);
  if (at < text.length) {
    const line = lines.lineAt(at);
    if (lines.lineStarts[line] === at) {
      const extended = extendDirective(text, at, lines.lineEnd(line), 'postlint-disable-file', rule);
      if (extended !== undefined) return extended;
    }
  }
  // Front matter that ends the file without a line break needs one before the comment.
  const before = at > 0 && at === text.length && post.frontMatter && !/[\r\n]$/.test(text) ? eol : '';
  return { start: at, end: at, newText: `${before}<!-- postlint-disable-file ${rule} -->${eol}` };
}

/**
 * If `[start, end)` is a directive of `kind`, the edit that adds `rule` to its list (null when it
 * names the rule or all rules already); undefined when the line is something else.
 */
function extendDirective(text: string, start: number, end: number, kind: DirectiveKind, rule: string): OffsetEdit | null | undefined {
  const match = DIRECTIVE.exec(text.slice(start, end));
  if (!match || match[2] !== kind) return undefined;
  const names = match[3].split(/[\s,]+/).filter(Boolean);
  // No names means every rule; a family covers its rules.
  if (names.length === 0 || names.some((name) => name === rule || rule.startsWith(`${name}/`))) return null;
  const at = start + match[1].length + match[0].slice(match[1].length).indexOf(match[2]) + match[2].length + match[3].trimEnd().length;
  return { start: at, end: at, newText: ` ${rule}` };
}

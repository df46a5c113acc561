import { yamlModule } from '../onDemand';

export interface FrontMatterProblem {
  start: number;
  end: number;
  message: string;
}

export interface FrontMatter {
  /** Offset of the opening `---`. */
  start: number;
  /** Offset just after the closing fence line (and its line break). */
  end: number;
  contentStart: number;
  contentEnd: number;
  /** Parsed mapping, or an empty object when the YAML is broken or not a mapping. */
  data: Record<string, unknown>;
  problems: FrontMatterProblem[];
}

const OPEN_FENCE = /^---[ \t]*(?:\r\n|\r|\n)/;
const FENCE_LINE = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Finds and parses YAML front matter starting at `from` (after a BOM, if any).
 * A YAML error never stops the lint: it becomes a problem on its own line and the body is still linted.
 */
export function parseFrontMatter(text: string, from: number): FrontMatter | null {
  const open = OPEN_FENCE.exec(text.slice(from, from + 8));
  if (!open) return null;
  const contentStart = from + open[0].length;
  let lineStart = contentStart;
  while (lineStart <= text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
    if (FENCE_LINE.test(text.slice(lineStart, lineEnd))) {
      const end = lineEnd + lineBreakAt(text, lineEnd);
      return finish(text, from, contentStart, lineStart, end);
    }
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + lineBreakAt(text, lineEnd);
  }
  return null;
}

function lineBreakAt(text: string, offset: number): number {
  if (text.startsWith('\r\n', offset)) return 2;
  const c = text[offset];
  return c === '\n' || c === '\r' ? 1 : 0;
}

/** Bounds the cost of hostile YAML (alias bombs, huge documents). */
const MAX_ALIAS_COUNT = 100;
/** Broken YAML yields an error per line or so: the first few say what is wrong, thousands would bury the post. */
export const MAX_YAML_ERRORS = 10;

function finish(text: string, start: number, contentStart: number, contentEnd: number, end: number): FrontMatter {
  const source = text.slice(contentStart, contentEnd);
  const problems: FrontMatterProblem[] = [];
  let data: Record<string, unknown> = {};
  try {
    // logLevel 'error': yaml's warnings (a collection used as a key) would otherwise go to the host's stderr.
    const { parseDocument, isMap } = yamlModule();
    const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: false, strict: false, logLevel: 'error' });
    // An error at the very end (an unclosed bracket) belongs on the last line of content, not on the fence.
    const lastVisible = Math.max(0, source.trimEnd().length - 1);
    for (const error of doc.errors.slice(0, MAX_YAML_ERRORS)) {
      const s = Math.min(error.pos[0], lastVisible);
      const e = Math.min(Math.max(error.pos[1], s + 1), lastVisible + 1);
      problems.push({ start: contentStart + s, end: contentStart + e, message: firstLine(error.message) });
    }
    if (doc.errors.length === 0) {
      if (doc.contents === null) {
        data = {};
      } else if (isMap(doc.contents)) {
        data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown>;
      } else {
        problems.push({ start: contentStart, end: contentEnd, message: 'front matter must be a mapping of keys to values' });
      }
    }
  } catch (error) {
    problems.push({ start: contentStart, end: Math.max(contentStart + 1, contentEnd), message: firstLine(String((error as Error).message ?? error)) });
  }
  return { start, end, contentStart, contentEnd, data, problems };
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}

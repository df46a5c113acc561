// What a careless edit leaves behind in copy, counted by kind. A fix may remove artifacts the writer
// made; it must never add one. Front matter, code and comments are not copy and are left out.
import { articleFor } from '../../server/src/engine/edits/article';
import { parsePost } from '../../server/src/engine/parse/post';

export const ARTIFACT_KINDS = [
  'doubled punctuation',
  'line opening with punctuation',
  'double space',
  'space before punctuation',
  'empty hashtag or heading',
  'empty brackets',
  'a/an disagreement',
  'joiner at line end',
] as const;
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number];

const CLAUSE = '，、；：。！？,;:!?';
const PATTERNS: Record<ArtifactKind, RegExp> = {
  // `!!`, `?!`, `...` and `……` are the writer's emphasis, not a doubled mark.
  'doubled punctuation': new RegExp(`[${CLAUSE}][ \\t]*[，、；：。,;:]|[，、；：,;:][ \\t]*[！？!?]`, 'g'),
  // `![alt](src)` opens a line with an image, not with a mark.
  'line opening with punctuation': /^[ \t]*(?:[，、；：。？,;:?)）】」』》]|[!！](?!\[))/gm,
  'double space': /\S[ \t]{2,}(?=\S)/g,
  'space before punctuation': /[^\s] +[，、；：。！？,;:!?]+(?=\s|$)/gm,
  'empty hashtag or heading': /(?:^|[^#\w])#[ \t]?#(?=[^#\w]|$)|^#{1,6}[ \t]*$/gm,
  'empty brackets': /\([ \t]*\)|（[ \t\u3000]*）|【[ \t]*】|「[ \t]*」|《[ \t]*》|\[[ \t]*\](?!\()/g,
  // An English article: not a letter after Chinese (汉 a aaa), where "a" is a word of its own.
  'a/an disagreement': /(?<!\p{Script=Han}[ \t]?)(?<=^|[\s("“‘'])([Aa]n?)[ \t]+([A-Za-z0-9][\p{L}\p{N}'’-]*)/gu,
  // A colon may end a line before a list; a comma or semicolon there has lost its clause.
  'joiner at line end': /[，、；,;][ \t]*$/gm,
};

/** The copy of a post: the body without front matter, HTML comments and fenced code. */
export function copyOf(text: string): string {
  return text
    .replace(/^\uFEFF?---\n[\s\S]*?\n---\n/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^```[\s\S]*?^```/gm, '');
}

/** Artifacts in what the reader sees; empty hashtags and headings in the source, where markup shows. */
const SOURCE_KINDS = new Set<ArtifactKind>(['empty hashtag or heading']);

export function countArtifacts(text: string): Record<ArtifactKind, number> {
  // A thread part may end mid-sentence at a clause mark: the separator says the sentence goes on.
  const normalized = text.replace(/\r\n?/g, '\n').replace(/[，、；：,;:]([ \t]*\n\s*<!-- thread -->)/g, '$1');
  const source = copyOf(normalized);
  const published = parsePost(normalized).published.text;
  const counts = {} as Record<ArtifactKind, number>;
  for (const kind of ARTIFACT_KINDS) {
    const pattern = PATTERNS[kind];
    pattern.lastIndex = 0;
    let n = 0;
    for (const m of (SOURCE_KINDS.has(kind) ? source : published).matchAll(pattern)) {
      if (kind === 'a/an disagreement' && articleFor(m[2]) === m[1].toLowerCase()) continue;
      n++;
    }
    counts[kind] = n;
  }
  return counts;
}

/** The kinds of artifact `after` has more of than `before`, with the counts. */
export function addedArtifacts(before: string, after: string): string[] {
  const a = countArtifacts(before);
  const b = countArtifacts(after);
  return ARTIFACT_KINDS.filter((kind) => b[kind] > a[kind]).map((kind) => `${kind} (${a[kind]} -> ${b[kind]})`);
}

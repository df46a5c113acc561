// Findings about the whole post (no image, nothing to answer) would bury every phrase finding under one
// underline if they spanned the post. They sit on one word instead: the first or last word of the range
// their rule names, or the nearest word to it that no other finding covers.
import type { ParsedPost } from './parse/post';
import type { Diagnostic } from './types';

/** Where a post-level finding sits within the range its rule reported: its first word, or its last. */
export type Anchor = 'head' | 'tail';

/**
 * A word: one Han character (Chinese has no spaces to end a word), or a run of other letters and digits.
 * Punctuation is left out: the punctuation rule flags marks on their own.
 */
const WORD = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{M}\p{N}_'’-])+/gu;

interface Span {
  start: number;
  end: number;
}

/**
 * Moves each anchored diagnostic (`anchors[i]` set) onto one word that no unanchored diagnostic overlaps.
 * With no such word left in the published text, it shrinks to an empty range at the end of the published
 * text, inside no other finding.
 */
export function placeAnchored(diagnostics: Diagnostic[], anchors: readonly (Anchor | undefined)[], post: ParsedPost): void {
  if (!anchors.some(Boolean)) return;
  const others = diagnostics.filter((_, i) => !anchors[i]);
  let words: Span[] | undefined;
  for (let i = 0; i < diagnostics.length; i++) {
    const anchor = anchors[i];
    if (!anchor) continue;
    words ??= sourceWords(post);
    const d = diagnostics[i];
    const span = nearestFreeWord(words, d, anchor, others) ?? emptyAtEnd(post);
    d.start = span.start;
    d.end = span.end;
    d.range = post.lines.rangeAt(span.start, span.end);
  }
}

/** The published words, as source offsets, in order. */
function sourceWords(post: ParsedPost): Span[] {
  const published = post.published;
  const spans: Span[] = [];
  for (const match of published.text.matchAll(WORD)) {
    const start = published.toSource(match.index, 'start');
    const end = published.toSource(match.index + match[0].length, 'end');
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

/**
 * The last (tail) or first (head) word inside the reported range that is free; failing that, the free word
 * nearest to that end of the range, looking towards the inside of the post first.
 */
function nearestFreeWord(words: readonly Span[], reported: Span, anchor: Anchor, others: readonly Span[]): Span | undefined {
  if (words.length === 0) return undefined;
  const free = (w: Span) => !others.some((o) => overlaps(w, o));
  // Index of the word at the chosen end of the reported range.
  let from: number;
  if (anchor === 'tail') {
    from = words.length - 1;
    while (from > 0 && words[from].start >= reported.end) from--;
  } else {
    from = 0;
    while (from < words.length - 1 && words[from].end <= reported.start) from++;
  }
  const step = anchor === 'tail' ? -1 : 1;
  for (let i = from; i >= 0 && i < words.length; i += step) if (free(words[i])) return words[i];
  for (let i = from - step; i >= 0 && i < words.length; i -= step) if (free(words[i])) return words[i];
  return undefined;
}

/** Whether two ranges share a character; an empty range counts as the character after it. */
export function overlaps(a: Span, b: Span): boolean {
  const bEnd = b.end > b.start ? b.end : b.start + 1;
  const aEnd = a.end > a.start ? a.end : a.start + 1;
  return a.start < bEnd && b.start < aEnd;
}

/** The end of the published text: no other finding reaches past it. */
function emptyAtEnd(post: ParsedPost): Span {
  const at = post.published.toSource(post.published.text.length, 'end');
  return { start: at, end: at };
}

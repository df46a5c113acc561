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
  for (let i = 0; i < diagnostics.length; i++) {
    const anchor = anchors[i];
    if (!anchor) continue;
    const d = diagnostics[i];
    const span = nearestFreeWordOf(post, d, anchor, others) ?? emptyAtEnd(post);
    d.start = span.start;
    d.end = span.end;
    d.range = post.lines.rangeAt(span.start, span.end);
  }
}

/**
 * Published characters on each side of the reported end that are searched first. The word sought is nearly
 * always the first one tried, so splitting every word of a long post, on every keystroke, is wasted; the
 * whole post is searched only when the window runs out of free words.
 */
const WINDOW = 160;

/** The search left the window on a side that is not the post's edge: the words beyond it were not looked at. */
const OUTSIDE = Symbol('outside');

function nearestFreeWordOf(post: ParsedPost, reported: Span, anchor: Anchor, others: readonly Span[]): Span | undefined {
  const { text } = post.published;
  const at = post.published.toPublished(anchor === 'tail' ? reported.end : reported.start);
  const from = Math.max(0, at - WINDOW);
  const to = Math.min(text.length, at + WINDOW);
  const window = sourceWords(post, from, to, at);
  const near = window && nearestFreeWord(window, reported, anchor, others, { before: from === 0, after: to === text.length });
  if (near !== null && near !== OUTSIDE) return near;
  return nearestFreeWord(sourceWords(post, 0, text.length)!, reported, anchor, others, { before: true, after: true }) as Span | undefined;
}

/**
 * The published words between `from` and `to`, as source offsets, in order. A word cut by either end of
 * the window is left out: it lies beyond the window, for the search. Null when such a word reaches `at`,
 * where the search starts: it is one of the words the search needs.
 */
function sourceWords(post: ParsedPost, from: number, to: number, at = -1): Span[] | null {
  const published = post.published;
  const text = published.text;
  const spans: Span[] = [];
  WORD.lastIndex = from;
  for (let match = WORD.exec(text); match !== null && match.index < to; match = WORD.exec(text)) {
    const end = match.index + match[0].length;
    const cutAtStart = match.index === from && from > 0 && !isHan(match[0]) && CONTINUES_WORD.test(text[from - 1]);
    if (cutAtStart || (end > to && to < text.length)) {
      if (match.index <= at && end >= at) return null;
      continue;
    }
    const sourceStart = published.toSource(match.index, 'start');
    const sourceEnd = published.toSource(end, 'end');
    if (sourceEnd > sourceStart) spans.push({ start: sourceStart, end: sourceEnd });
  }
  return spans;
}

const HAN = /^\p{Script=Han}/u;
const isHan = (word: string) => HAN.test(word);
/** A character that a non-Han word runs on through (the inside of `WORD`'s second branch). */
const CONTINUES_WORD = /^(?!\p{Script=Han})[\p{L}\p{M}\p{N}_'’-]/u;

/**
 * The last (tail) or first (head) word inside the reported range that is free; failing that, the free word
 * nearest to that end of the range, looking towards the inside of the post first. OUTSIDE when the answer
 * may lie beyond an end of `words` that is not the post's (`complete` says which ends are).
 */
function nearestFreeWord(
  words: readonly Span[],
  reported: Span,
  anchor: Anchor,
  others: readonly Span[],
  complete: { before: boolean; after: boolean },
): Span | undefined | typeof OUTSIDE {
  if (words.length === 0) return complete.before && complete.after ? undefined : OUTSIDE;
  const free = (w: Span) => !others.some((o) => overlaps(w, o));
  // Index of the word at the chosen end of the reported range.
  let from: number;
  if (anchor === 'tail') {
    from = words.length - 1;
    while (from > 0 && words[from].start >= reported.end) from--;
    if (from === 0 && words[0].start >= reported.end && !complete.before) return OUTSIDE;
  } else {
    from = 0;
    while (from < words.length - 1 && words[from].end <= reported.start) from++;
    if (from === words.length - 1 && words[from].end <= reported.start && !complete.after) return OUTSIDE;
  }
  const step = anchor === 'tail' ? -1 : 1;
  const ranOff = (i: number) => (i < 0 ? !complete.before : !complete.after);
  let i = from;
  for (; i >= 0 && i < words.length; i += step) if (free(words[i])) return words[i];
  if (ranOff(i)) return OUTSIDE;
  for (i = from - step; i >= 0 && i < words.length; i -= step) if (free(words[i])) return words[i];
  if (ranOff(i)) return OUTSIDE;
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

// Findings about the whole post (no image, nothing to answer) would bury every phrase finding under one
// underline if they spanned the post. They sit on one word instead: the first or last word of the range
// their rule names, or the nearest word to it that no other finding covers.
import { derive, derivedKey, type ParsedPost } from './parse/post';
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
  // Widened to word breaks, so that the window holds whole words only.
  let from = Math.max(0, at - WINDOW);
  while (joins(text, from)) from--;
  let to = Math.min(text.length, at + WINDOW);
  while (joins(text, to)) to++;
  const near = nearestFreeWord(sourceWords(post, from, to), reported, anchor, others, { before: from === 0, after: to === text.length });
  if (near !== OUTSIDE) return near;
  return nearestFreeWord(wordsOutside(post, others), reported, anchor, others, { before: true, after: true }) as Span | undefined;
}

/**
 * The post's words, less those inside a stretch another finding covers (never free, so never chosen, and
 * the search keeps its order without them). This is the fallback when the window holds no free word: on a
 * post past its platform's length, most anchored findings, since the overflow's finding covers everything
 * after the fold, and splitting that overflow into words was most of their cost.
 */
function wordsOutside(post: ParsedPost, others: readonly Span[]): Span[] {
  const published = post.published;
  const { text } = published;
  const covered = others
    .map((o) => ({ start: published.toPublished(o.start), end: published.toPublished(o.end) }))
    .filter((c) => c.end - c.start > 1)
    .sort((a, b) => a.start - b.start);
  const words: Span[] = [];
  // Every stretch is split from and to word breaks, so its words are the post's own.
  let done = 0;
  for (const c of covered) {
    let to = c.start;
    while (joins(text, to)) to++;
    if (to > done) {
      words.push(...sourceWords(post, done, to));
      done = to;
    }
    let from = c.end;
    while (joins(text, from)) from--;
    done = Math.max(done, from);
  }
  if (done < text.length) words.push(...sourceWords(post, done, text.length));
  return words;
}

/**
 * Every published word of a post, split once per lint: a post shorter than the window on both sides is split
 * whole for each of its anchored findings (no media, no hook, no fold…), a twelfth of a short post's lint.
 */
const ALL_WORDS = derivedKey<readonly Span[]>('published words');

/** The published words between `from` and `to` (both word breaks), as source offsets, in order. */
function sourceWords(post: ParsedPost, from: number, to: number): readonly Span[] {
  if (from > 0 || to < post.published.text.length) return wordsBetween(post, from, to);
  return derive(post, ALL_WORDS, () => wordsBetween(post, from, to));
}

function wordsBetween(post: ParsedPost, from: number, to: number): Span[] {
  const published = post.published;
  const spans: Span[] = [];
  WORD.lastIndex = from;
  for (let match = WORD.exec(published.text); match !== null && match.index < to; match = WORD.exec(published.text)) {
    const start = published.toSource(match.index, 'start');
    const end = published.toSource(match.index + match[0].length, 'end');
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

/** What a non-Han word is made of (`WORD`'s second branch), tried at one position. */
const WORD_PART = /(?!\p{Script=Han})[\p{L}\p{M}\p{N}_'’-]/uy;

/** Whether one word runs on across position `i`: inside a character, or between two parts of a non-Han word. */
function joins(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  if (isLowSurrogate(text.charCodeAt(i))) return true;
  WORD_PART.lastIndex = i >= 2 && isLowSurrogate(text.charCodeAt(i - 1)) ? i - 2 : i - 1;
  if (!WORD_PART.test(text)) return false;
  WORD_PART.lastIndex = i;
  return WORD_PART.test(text);
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

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

// "Split into a thread": cuts an over-long part at sentence boundaries so that every new part,
// number included, fits each thread platform the post targets by that platform's own count.
import { measure } from '../../count/measure';
import type { PlatformSpec } from '../../count/platforms';
import { snapToCodePoint } from '../../parse/lines';
import type { ParsedPost } from '../../parse/post';
import type { OffsetEdit } from '../../types';
import { lineBreakOf } from '../../postEdits';
import { THREAD_SEPARATOR, type ThreadPart } from '../../parse/thread';
import { isSpaceLike } from '../../chars';

/** X's composer takes at most 25 posts in one thread; a longer draft needs cutting, not splitting. */
export const MAX_THREAD_PARTS = 25;

export interface ThreadSplit {
  /** How many posts the thread has after the split. */
  total: number;
  edits: OffsetEdit[];
}

/** A place where one part may end (`end`) and the next begin (`next`, after the whitespace between). */
interface Break {
  end: number;
  next: number;
  /** 2: paragraph or sentence end; 1: clause or word boundary. */
  strength: 1 | 2;
}

const SENTENCE_END = new Set(['.', '!', '?', '。', '！', '？', '…', '‼', '⁉']);
const CLAUSE_END = new Set([',', ';', ':', '，', '、', '；', '：', '—']);
const CLOSERS = new Set(['"', "'", ')', ']', '”', '’', '」', '』', '）', '》', '】', '〉']);
const WIDE_SENTENCE_END = new Set(['。', '！', '？', '…']);

/**
 * Splits `parts[index]` into as many parts as it needs and renumbers the whole thread `k/N`.
 * `targets` are the thread platforms with the part's current count on each. `numbered: false` writes no
 * numbers (for a post that also goes whole to a platform without threads, where `1/2` would be published).
 * Returns null when it cannot: a limit too small for even the number, or more than `MAX_THREAD_PARTS`.
 */
export function splitIntoThread(post: ParsedPost, parts: readonly ThreadPart[], index: number, targets: readonly { spec: PlatformSpec; length: number }[], numbered = true): ThreadSplit | null {
  const part = parts[index];
  const text = post.published.text;
  const specs = targets.map((target) => target.spec);
  // Each new part holds at most a limit's worth: a draft that needs more posts than allowed is not split.
  const atLeast = Math.max(...targets.map(({ spec, length }) => Math.ceil(length / spec.limit)));
  if (parts.length - 1 + atLeast > MAX_THREAD_PARTS) return null;
  // X's counter reports where text stops fitting in the NFC form, shifted by the length difference (as the
  // conformance suite expects): in decomposed text (NFD, as macOS writes it) that is not where the cut belongs.
  const own = text.slice(part.contentStart, part.end);
  if (specs.some((spec) => spec.counting === 'x') && own !== own.normalize()) return null;
  const breaks = findBreaks(text, part.contentStart, part.end);
  let digits = String(parts.length + 1).length;
  for (;;) {
    const chunks = chunk(text, part.contentStart, part.end, breaks, specs, numbered ? `${'9'.repeat(digits)}/${'9'.repeat(digits)} ` : '');
    if (!chunks) return null;
    // A separator inside a code block is code, and one after an unclosed `<!--` is part of that comment:
    // either way the split would change nothing and fix-all would insert it again on every pass.
    if (chunks.some(([, end], c) => c + 1 < chunks.length && swallowsSeparator(post, end))) return null;
    const total = parts.length - 1 + chunks.length;
    if (total > MAX_THREAD_PARTS) return null;
    if (String(total).length > digits) {
      digits = String(total).length;
      continue;
    }
    return { total, edits: threadEdits(post, parts, index, chunks, numbered ? total : 0) };
  }
}

function swallowsSeparator(post: ParsedPost, publishedOffset: number): boolean {
  const at = post.published.toSource(publishedOffset, 'end');
  if (post.codeBlocks.some((code) => at > code.start && at < code.end)) return true;
  const open = post.text.lastIndexOf('<!--', at - 1);
  if (open < post.bodyStart) return false;
  const close = post.text.indexOf('-->', open + 4);
  return close === -1 || close + 3 > at;
}

/** Chunks of `[from, to)` as `[start, end)` published offsets, each fitting with a number in front. */
function chunk(text: string, from: number, to: number, breaks: Break[], specs: readonly PlatformSpec[], widestNumber: string): [number, number][] | null {
  const chunks: [number, number][] = [];
  let start = from;
  let b = 0;
  while (start < to) {
    const fit = longestFit(text, start, to, specs, widestNumber);
    if (fit >= to) {
      chunks.push([start, to]);
      break;
    }
    while (b < breaks.length && breaks[b].next <= start) b++;
    let best: Break | undefined;
    for (let i = b; i < breaks.length && breaks[i].end <= fit; i++) {
      if (breaks[i].end <= start) continue;
      if (!best || breaks[i].strength >= best.strength) best = breaks[i];
    }
    if (best) {
      chunks.push([start, best.end]);
      start = best.next;
    } else {
      // One sentence longer than a whole post: cut it where the count runs out.
      // Never inside a surrogate pair: the separator would tear a character in two.
      const cut = snapToCodePoint(text, fit);
      if (cut <= start) return null;
      chunks.push([start, cut]);
      start = cut;
      while (start < to && isSpaceLike(text.charCodeAt(start))) start++;
    }
    if (chunks.length > MAX_THREAD_PARTS) return null;
  }
  return chunks;
}

/**
 * The end of the longest stretch from `start` that fits every platform with the number in front.
 * Measures a window that doubles until the limit falls inside it, so a long post costs about as
 * much as its own length, not its length times the number of parts.
 */
function longestFit(text: string, start: number, to: number, specs: readonly PlatformSpec[], widestNumber: string): number {
  let fit = to;
  for (const spec of specs) {
    // A character is at least one code unit and counts at least 1, so the limit falls within about
    // `limit` units; emoji sequences and long URLs (counted 23) make the window grow.
    let window = Math.min(to - start, spec.limit + 32);
    for (;;) {
      const candidate = widestNumber + text.slice(start, start + window);
      const cut = measure(candidate, spec).offsetAtCount(spec.limit) - widestNumber.length;
      if (cut < 0) return start;
      if (cut < window || start + window >= to) {
        fit = Math.min(fit, start + cut);
        break;
      }
      window = Math.min(to - start, window * 2);
    }
  }
  return fit;
}

/** Paragraph, sentence and clause ends in `[from, to)`, in order. */
function findBreaks(text: string, from: number, to: number): Break[] {
  const breaks: Break[] = [];
  // End of the current run of sentence punctuation and closers, scanned once per run, not once per
  // character: a run of 100,000 "。" would otherwise cost 100,000² steps.
  let runEnd = from;
  for (let i = from; i < to; i++) {
    const c = text[i];
    let strength: 1 | 2 | 0 = 0;
    let end = i + 1;
    if (c === '\n' || c === '\r') {
      strength = 2;
      end = i;
    } else if (SENTENCE_END.has(c) || CLAUSE_END.has(c)) {
      if (runEnd <= i) {
        runEnd = i + 1;
        while (runEnd < to && (SENTENCE_END.has(text[runEnd]) || CLOSERS.has(text[runEnd]))) runEnd++;
      }
      end = runEnd;
      strength = SENTENCE_END.has(c) ? 2 : 1;
      const wide = WIDE_SENTENCE_END.has(c) || c.charCodeAt(0) >= 0x3000;
      // Latin punctuation ends a sentence only before whitespace: "3.5" and "example.com" do not.
      if (!wide && end < to && !isSpaceLike(text.charCodeAt(end))) strength = 0;
    } else if (c === ' ' || c === '\t') {
      strength = 1;
      end = i;
    }
    if (strength === 0 || end <= from) continue;
    let next = Math.max(end, i + 1);
    while (next < to && isSpaceLike(text.charCodeAt(next))) next++;
    // Only whitespace is left: no later position can start a next part either.
    if (next >= to) break;
    let trimmedEnd = end;
    while (trimmedEnd > from && isSpaceLike(text.charCodeAt(trimmedEnd - 1))) trimmedEnd--;
    if (trimmedEnd <= from) continue;
    breaks.push({ end: trimmedEnd, next, strength });
    i = Math.max(i, next - 1);
  }
  return breaks;
}

/** Separator lines between the new chunks, and every part's number rewritten to `k/N` (none when `total` is 0). */
function threadEdits(post: ParsedPost, parts: readonly ThreadPart[], index: number, chunks: [number, number][], total: number): OffsetEdit[] {
  const published = post.published;
  const source = post.text;
  const eol = lineBreakOf(source);
  const separator = `${eol}${eol}${THREAD_SEPARATOR}${eol}${eol}`;
  const edits: OffsetEdit[] = [];
  const numberAt = (k: number) => `${k}/${total}`;

  const renumber = (part: ThreadPart, k: number) => {
    if (total === 0) return;
    if (part.number) {
      const start = published.toSource(part.number.start, 'start');
      const end = published.toSource(part.number.end, 'end');
      if (source.slice(start, end) !== numberAt(k)) edits.push({ start, end, newText: numberAt(k) });
    } else {
      const at = published.toSource(part.start, 'start');
      edits.push({ start: at, end: at, newText: `${numberAt(k)} ` });
    }
  };

  parts.forEach((part, i) => {
    const k = i < index ? i + 1 : i + chunks.length;
    if (i !== index) renumber(part, k);
  });
  renumber(parts[index], index + 1);
  for (let c = 1; c < chunks.length; c++) {
    const end = published.toSource(chunks[c - 1][1], 'end');
    const next = published.toSource(chunks[c][0], 'start');
    const label = total === 0 ? '' : `${numberAt(index + 1 + c)} `;
    // Only whitespace between: replace it. Anything else (an image, a comment) stays where it is.
    if (source.slice(end, next).trim() === '') edits.push({ start: end, end: next, newText: separator + label });
    else {
      edits.push({ start: end, end, newText: separator });
      if (label) edits.push({ start: next, end: next, newText: label });
    }
  }
  return edits.sort((a, b) => a.start - b.start || a.end - b.end);
}

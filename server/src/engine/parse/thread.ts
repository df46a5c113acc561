// The thread format (docs/thread-format.md): a post split into several posts for a platform that
// threads replies. Parts are separated by a line holding only `<!-- thread -->`, which is an HTML
// comment and so never published or counted; each part may start with its number, `2/3`.
import { measure, type Measure } from '../count/measure';
import type { PlatformSpec } from '../count/platforms';
import { derive, derivedKey, type ParsedPost } from './post';
import { startingOutside } from './spans';
import { isSpaceLike } from '../chars';

export const THREAD_SEPARATOR = '<!-- thread -->';
const SEPARATOR = /^<!--\s*thread\s*-->$/;
/** `2/3` at the very start of a part, followed by whitespace or the end of the part. */
const PART_NUMBER = /^(\d{1,3})\/(\d{1,3})(?=\s|$)/;

/** One post of a thread, in offsets of the published text, surrounding whitespace left out. */
export interface ThreadPart {
  start: number;
  end: number;
  /** The part's `k/N` number, when it starts with one; `end` is just after the `N`. */
  number?: { start: number; end: number };
  /** Where the part's own text starts: after its number and the space that follows it. */
  contentStart: number;
}

const THREAD_PARTS = derivedKey<ThreadPart[]>('thread parts');
const PART_MEASURES = derivedKey<Map<PlatformSpec, Measure[]>>('thread part measures');

/**
 * The parts of the post, in order. A post without separators is a single part; empty parts (two
 * separators in a row) are left out, since there is nothing to post.
 */
export function threadParts(post: ParsedPost): ThreadPart[] {
  return derive(post, THREAD_PARTS, () => splitParts(post));
}

function splitParts(post: ParsedPost): ThreadPart[] {
  const published = post.published;
  const bounds = [0];
  for (const span of threadSeparators(post)) bounds.push(published.toPublished(span.start));
  bounds.push(published.text.length);
  const parts: ThreadPart[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const part = trimmedPart(published.text, bounds[i], bounds[i + 1]);
    if (part) parts.push(part);
  }
  return parts;
}

/** Whether the post is written as a thread (has at least one separator line). */
export function isThread(post: ParsedPost): boolean {
  return threadSeparators(post).length > 0;
}

/** Separator comments that stand alone on their line, outside code. */
export function threadSeparators(post: ParsedPost): { start: number; end: number }[] {
  const text = post.text;
  return startingOutside(post.comments, post.codeBlocks).filter((span) => {
    if (!SEPARATOR.test(text.slice(span.start, span.end))) return false;
    const line = post.lines.lineAt(span.start);
    const before = text.slice(post.lines.lineStarts[line], span.start);
    const after = text.slice(span.end, post.lines.lineEnd(post.lines.lineAt(span.end)));
    return before.trim() === '' && after.trim() === '';
  });
}

function trimmedPart(text: string, from: number, to: number): ThreadPart | null {
  let start = from;
  let end = to;
  while (start < end && isSpaceLike(text.charCodeAt(start))) start++;
  while (end > start && isSpaceLike(text.charCodeAt(end - 1))) end--;
  if (end <= start) return null;
  const match = PART_NUMBER.exec(text.slice(start, Math.min(end, start + 8)));
  if (!match) return { start, end, contentStart: start };
  let contentStart = start + match[0].length;
  while (contentStart < end && isSpaceLike(text.charCodeAt(contentStart))) contentStart++;
  return { start, end, number: { start, end: start + match[0].length }, contentStart };
}

/**
 * Each part's count on a platform that threads replies, or null when the post is one post there
 * (no separators, or a platform without threads, where the whole text is posted at once).
 * Cached per parse, since the length rule, the stats and the hover all ask.
 */
export function partMeasures(post: ParsedPost, spec: PlatformSpec): Measure[] | null {
  if (!spec.threads || !isThread(post) || threadParts(post).length === 0) return null;
  const bySpec = derive(post, PART_MEASURES, () => new Map());
  let measures = bySpec.get(spec);
  if (!measures) {
    const text = post.published.text;
    measures = threadParts(post).map((part) => measure(text.slice(part.start, part.end), spec));
    bySpec.set(spec, measures);
  }
  return measures;
}

/** The part that holds a published offset (the nearest one before it, between parts). */
export function partAt(parts: readonly ThreadPart[], publishedOffset: number): number {
  let index = 0;
  for (let i = 0; i < parts.length; i++) if (parts[i].start <= publishedOffset) index = i;
  return index;
}

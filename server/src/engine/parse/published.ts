/**
 * The published text: what the platform would show once the post is pasted. Front matter,
 * image syntax, media tags and HTML comments are not shown; everything else is, Markdown included,
 * because none of the platforms renders Markdown.
 */
import { isSpaceOrBom } from '../chars';
export interface Segment {
  /** Offset in the published text. */
  published: number;
  /** Offset in the source text. */
  source: number;
  length: number;
}

export class PublishedText {
  constructor(
    readonly text: string,
    readonly segments: Segment[],
  ) {}

  /** Source offset of a published offset; an end offset maps to the end of the preceding segment. */
  toSource(offset: number, bias: 'start' | 'end' = 'start'): number {
    const segments = this.segments;
    if (segments.length === 0) return 0;
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const s = segments[mid];
      if (s.published < offset || (bias === 'start' && s.published === offset)) lo = mid;
      else hi = mid - 1;
    }
    const s = segments[lo];
    return s.source + Math.min(Math.max(0, offset - s.published), s.length);
  }

  /** Published offset of a source offset; offsets inside a hidden span map to its next visible character. */
  toPublished(offset: number): number {
    const segments = this.segments;
    for (let lo = 0, hi = segments.length - 1; lo <= hi; ) {
      const mid = (lo + hi) >> 1;
      const s = segments[mid];
      if (offset < s.source) hi = mid - 1;
      else if (offset > s.source + s.length) lo = mid + 1;
      else return s.published + (offset - s.source);
    }
    return this.nextSegmentPublished(offset);
  }

  /** Published offset of the first segment after a hidden source offset (binary search: rules call this per finding). */
  private nextSegmentPublished(offset: number): number {
    const segments = this.segments;
    let lo = 0;
    let hi = segments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (segments[mid].source > offset) hi = mid;
      else lo = mid + 1;
    }
    return lo < segments.length ? segments[lo].published : this.text.length;
  }
}

export interface Span {
  start: number;
  end: number;
}

/**
 * Builds the published text from `[from, to)` of `source`, leaving out `hidden` spans
 * (sorted, non-overlapping) and trimming surrounding whitespace, as platforms do.
 */
export function buildPublishedText(source: string, from: number, to: number, hidden: Span[]): PublishedText {
  const segments: Segment[] = [];
  const parts: string[] = [];
  let published = 0;
  let cursor = from;
  const push = (start: number, end: number) => {
    if (end <= start) return;
    segments.push({ published, source: start, length: end - start });
    parts.push(source.slice(start, end));
    published += end - start;
  };
  for (const span of hidden) {
    if (span.end <= cursor) continue;
    push(cursor, Math.min(span.start, to));
    cursor = Math.max(cursor, span.end);
    if (cursor >= to) break;
  }
  push(cursor, to);
  return trim(new PublishedText(parts.join(''), segments));
}

function trim(published: PublishedText): PublishedText {
  const text = published.text;
  let start = 0;
  let end = text.length;
  while (start < end && isSpaceOrBom(text.charCodeAt(start))) start++;
  while (end > start && isSpaceOrBom(text.charCodeAt(end - 1))) end--;
  if (start === 0 && end === text.length) return published;
  const segments: Segment[] = [];
  for (const s of published.segments) {
    const a = Math.max(s.published, start);
    const b = Math.min(s.published + s.length, end);
    if (b <= a) continue;
    segments.push({ published: a - start, source: s.source + (a - s.published), length: b - a });
  }
  return new PublishedText(text.slice(start, end), segments);
}

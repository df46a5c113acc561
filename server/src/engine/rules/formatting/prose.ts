import type { Block } from '../../parse/markdown';
import { derive, derivedKey, type ParsedPost } from '../../parse/post';
import type { Span } from '../../parse/published';
import type { OffsetEdit } from '../../types';

// What the formatting rules share: character classes, and one index per post of the published text's
// non-prose stretches (code, URLs, @mentions, hashtags), built by whichever rule asks first.

/** Han ideographs, the characters Chinese typography conventions are about. */
export function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x2fa1f)
  );
}

/** CJK punctuation and full-width symbols (、。「」【】（）！？ and the like), not full-width letters or digits. */
export function isCjkPunctuation(code: number): boolean {
  if (code >= 0x3001 && code <= 0x303f) return true;
  if (code < 0xff01 || code > 0xff65) return false;
  return !((code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a));
}

export function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

export function isHorizontalSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0x3000 || code === 0xa0;
}

/** Flags in `ProseIndex.mask`, one byte per UTF-16 unit of the published text. */
export const CODE = 1;
export const URL_TEXT = 2;
export const MENTION = 4;
export const HASHTAG = 8;

export interface Hashtag extends Span {
  /** `#话题#` (Weibo, paired) or `#tag` (X-style). */
  kind: 'topic' | 'tag';
}

export interface ProseIndex {
  /** `post.published.text`. */
  text: string;
  mask: Uint8Array;
  /** `` `code` `` spans in published offsets, backticks included. */
  inlineCode: Span[];
  /** Hashtags and Weibo topics in published offsets, in order. */
  hashtags: Hashtag[];
}

const PROSE_INDEX = derivedKey<ProseIndex>('prose index');

/** The post's prose index, built once per parsed post whichever rule asks first. */
export function proseIndex(post: ParsedPost): ProseIndex {
  return derive(post, PROSE_INDEX, () => buildIndex(post));
}

// ASCII runs only: a URL ends where CJK text begins. Trailing punctuation is trimmed after matching.
const URL_PATTERN = /\b(?:https?:\/\/|www\.)[!-~]+/gi;
const URL_TRAILING = /[.,;:!?'"*_>\]}]+$/;
const MENTION_PATTERN = /(?<![A-Za-z0-9_.])@[\p{L}\p{N}_-]+/gu;
const TAG_BODY = /[\p{L}\p{M}\p{N}_]+/uy;
const TAG_NOT_AFTER = /[\p{L}\p{N}_&/#]/u;
const MAX_TOPIC = 64;

function buildIndex(post: ParsedPost): ProseIndex {
  const published = post.published;
  const text = published.text;
  const mask = new Uint8Array(text.length);
  for (const block of post.blocks) {
    if ((block.kind === 'fence' && isIntendedFence(post.text, block)) || block.kind === 'code_block' || block.kind === 'html_block') {
      mask.fill(CODE, published.toPublished(block.start), published.toPublished(block.end));
    }
  }
  const inlineCode = findInlineCode(text, mask);
  for (const span of inlineCode) mask.fill(CODE, span.start, span.end);
  // The cheap substring checks spare most posts the regex scans.
  URL_PATTERN.lastIndex = text.includes('://') || text.includes('www.') || text.includes('WWW.') ? 0 : text.length;
  for (let m = URL_PATTERN.exec(text); m !== null; m = URL_PATTERN.exec(text)) {
    if (!(mask[m.index] & CODE)) mask.fill(URL_TEXT, m.index, m.index + urlLength(m[0]));
  }
  MENTION_PATTERN.lastIndex = text.includes('@') ? 0 : text.length;
  for (let m = MENTION_PATTERN.exec(text); m !== null; m = MENTION_PATTERN.exec(text)) {
    if (mask[m.index] === 0) mask.fill(MENTION, m.index, m.index + m[0].length);
  }
  const hashtags = findHashtags(text, mask);
  for (const tag of hashtags) mask.fill(HASHTAG, tag.start, tag.end);
  return { text, mask, inlineCode, hashtags };
}

// A fence line is the fence and at most a language name. Posts open with "~~~~> RT …" or "~~~真后悔…", which
// CommonMark also reads as fences; that is decoration, not code, and stays prose.
const FENCE_OPENING = /^[ \t]*(?:`{3,}|~{3,})[ \t]*[\w+#.-]*[ \t]*$/;

/** Whether a `fence` block was meant as code, judged by its opening line. */
export function isIntendedFence(text: string, block: Block): boolean {
  const lineEnd = text.indexOf('\n', block.start);
  return FENCE_OPENING.test(text.slice(block.start, lineEnd < 0 ? text.length : lineEnd).replace(/^(?:[ \t]*>)+/, '').replace(/\r$/, ''));
}

/** Trims trailing sentence punctuation, and a `)` that closes something outside the URL. */
function urlLength(url: string): number {
  let end = url.length - (URL_TRAILING.exec(url)?.[0].length ?? 0);
  while (end > 0 && url[end - 1] === ')') {
    let open = 0;
    let close = 0;
    for (let i = 0; i < end; i++) {
      if (url[i] === '(') open++;
      else if (url[i] === ')') close++;
    }
    if (close <= open) break;
    end--;
    end -= URL_TRAILING.exec(url.slice(0, end))?.[0].length ?? 0;
  }
  return end;
}

/**
 * Code spans as CommonMark pairs them: a backtick run closes at the next run of the same length.
 * Kept to one line, which is where posts put them, so the scan stays linear.
 */
function findInlineCode(text: string, mask: Uint8Array): Span[] {
  const spans: Span[] = [];
  // Only lines holding a backtick are scanned, found by jumping from one backtick to the next.
  for (let tick = text.indexOf('`'); tick >= 0; tick = text.indexOf('`', tick)) {
    const lineStart = text.lastIndexOf('\n', tick) + 1;
    let lineEnd = text.indexOf('\n', tick);
    if (lineEnd < 0) lineEnd = text.length;
    pairBackticks(text, lineStart, lineEnd, mask, spans);
    tick = lineEnd;
  }
  return spans;
}

function pairBackticks(text: string, from: number, to: number, mask: Uint8Array, out: Span[]): void {
  const runs: Span[] = [];
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) !== 96 || mask[i] & CODE) continue;
    let j = i;
    while (j < to && text.charCodeAt(j) === 96) j++;
    if (text.charCodeAt(i - 1) !== 92 /* \ */) runs.push({ start: i, end: j });
    i = j - 1;
  }
  // The next run of each length, found right to left, so pairing is one pass.
  const next = new Array<number>(runs.length).fill(-1);
  const lastOfLength = new Map<number, number>();
  for (let r = runs.length - 1; r >= 0; r--) {
    const length = runs[r].end - runs[r].start;
    next[r] = lastOfLength.get(length) ?? -1;
    lastOfLength.set(length, r);
  }
  for (let r = 0; r < runs.length; r++) {
    if (next[r] < 0) continue;
    out.push({ start: runs[r].start, end: runs[next[r]].end });
    r = next[r];
  }
}

function findHashtags(text: string, mask: Uint8Array): Hashtag[] {
  const tags: Hashtag[] = [];
  for (let i = text.indexOf('#'); i >= 0 && i < text.length; i = text.indexOf('#', i)) {
    if (mask[i] !== 0) {
      i++;
      continue;
    }
    const topicEnd = topicEndAt(text, i, mask);
    if (topicEnd > 0) {
      tags.push({ start: i, end: topicEnd, kind: 'topic' });
      i = topicEnd;
      continue;
    }
    const before = i > 0 ? text.codePointAt(i - 1 - (isLowSurrogate(text.charCodeAt(i - 1)) ? 1 : 0)) : undefined;
    TAG_BODY.lastIndex = i + 1;
    const body = TAG_BODY.exec(text);
    if (body && !(before !== undefined && TAG_NOT_AFTER.test(String.fromCodePoint(before))) && !/^\d+$/.test(body[0])) {
      const end = i + 1 + body[0].length;
      tags.push({ start: i, end, kind: 'tag' });
      i = end;
    } else i++;
  }
  return tags;
}

/**
 * End of a Weibo topic `#…#` opening at `at`, or 0: one line, at most 64 characters, no space at its edges,
 * and either Chinese inside or no space at all, so that "#1 fan, page#anchor" and "#a #b" stay apart.
 */
function topicEndAt(text: string, at: number, mask: Uint8Array): number {
  const close = text.indexOf('#', at + 1);
  if (close < 0 || close === at + 1 || close - at - 1 > MAX_TOPIC) return 0;
  if (isAsciiLetter(text.charCodeAt(at - 1)) || isAsciiDigit(text.charCodeAt(at - 1))) return 0;
  let hasSpace = false;
  let hasHan = false;
  for (let j = at + 1; j < close; j++) {
    const code = text.charCodeAt(j);
    if (isLineBreak(code) || mask[j] !== 0) return 0;
    hasSpace ||= isHorizontalSpace(code);
    hasHan ||= isHan(code) || (code >= 0xd840 && code <= 0xd87e);
  }
  if (isSpaceLike(text.charCodeAt(at + 1)) || isSpaceLike(text.charCodeAt(close - 1)) || (hasSpace && !hasHan)) return 0;
  return close + 1;
}

export function isSpaceLike(code: number): boolean {
  return isHorizontalSpace(code) || isLineBreak(code);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The code point that ends just before `offset`. */
export function codePointBefore(text: string, offset: number): number {
  if (offset <= 0) return -1;
  const low = text.charCodeAt(offset - 1);
  if (isLowSurrogate(low) && offset >= 2) return text.codePointAt(offset - 2) ?? low;
  return low;
}

/** Source offsets of a published span; an empty span maps to one insertion point. */
export function toSourceSpan(post: ParsedPost, start: number, end: number): Span {
  const sourceStart = post.published.toSource(start, 'start');
  if (end <= start) return { start: sourceStart, end: sourceStart };
  return { start: sourceStart, end: Math.max(sourceStart, post.published.toSource(end, 'end')) };
}

/** An edit given in published offsets, moved to the source. */
export function toSourceEdit(post: ParsedPost, start: number, end: number, newText: string): OffsetEdit {
  return { ...toSourceSpan(post, start, end), newText };
}

/** The smallest span holding a finding's own text and all its edits, as the fix contract requires. */
export function spanOfEdits(span: Span, edits: readonly OffsetEdit[]): Span {
  let { start, end } = span;
  for (const edit of edits) {
    start = Math.min(start, edit.start);
    end = Math.max(end, edit.end);
  }
  return { start, end };
}

export { lineBreakOf } from '../postEdits';

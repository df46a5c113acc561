import { isCjk } from '../chars';
import type { PostLanguage } from '../types';
import { parseFrontMatter, type FrontMatter } from './frontMatter';
import { LineIndex } from './lines';
import { parseBlocks, type Block } from './markdown';
import { buildPublishedText, type PublishedText, type Span } from './published';
import { findComments, findImages, findMediaTags, startingOutside } from './spans';

/** A post parsed once per lint; every rule reads from it. */
export interface ParsedPost {
  text: string;
  lines: LineIndex;
  frontMatter: FrontMatter | null;
  /** Offset where the Markdown body starts (after a BOM and front matter). */
  bodyStart: number;
  blocks: Block[];
  /** `![alt](url)` spans: they mean "attach this" and are not published. */
  images: Span[];
  /** `<img>`, `<video>`, `<audio>` tags. */
  mediaTags: Span[];
  /** `<!-- … -->` spans (directives and notes); not published. */
  comments: Span[];
  /** Fenced and indented code blocks. */
  codeBlocks: Span[];
  published: PublishedText;
  lang: PostLanguage;
  /** What rules derived from this post, built once by whichever asks first (see `derive`). */
  derived: Map<DerivedKey<unknown>, unknown>;
}

/** Names one kind of value derived from a post; `T` is the value's type. */
export interface DerivedKey<T> {
  readonly name: string;
  /** Never set: it only carries `T`. */
  readonly type?: T;
}

export function derivedKey<T>(name: string): DerivedKey<T> {
  return { name };
}

/**
 * The value `key` names for this post, built on first use. It is kept on the post rather than in a
 * module's WeakMap keyed by it: V8's young-generation collector keeps a WeakMap's values alive until
 * the next full collection, so per-post values in WeakMaps were copied and promoted on every minor GC,
 * some 3 MB a time, and the lint loop spent a sixth of its time collecting.
 */
export function derive<T>(post: ParsedPost, key: DerivedKey<T>, build: () => T): T {
  let value = post.derived.get(key) as T | undefined;
  if (value === undefined) {
    value = build();
    post.derived.set(key, value);
  }
  return value;
}

export function parsePost(text: string): ParsedPost {
  const lines = new LineIndex(text);
  const afterBom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const frontMatter = parseFrontMatter(text, afterBom);
  const bodyStart = frontMatter ? frontMatter.end : afterBom;
  const blocks = parseBlocks(text, bodyStart, lines);
  const codeBlocks: Span[] = blocks
    .filter((b) => b.kind === 'fence' || b.kind === 'code_block')
    .map((b) => ({ start: b.start, end: b.end }));

  const comments = findComments(text, bodyStart);
  const images = startingOutside(findImages(text, bodyStart), codeBlocks);
  const mediaTags = startingOutside(findMediaTags(text, bodyStart), codeBlocks);
  const hidden = mergeSpans(comments.concat(images, mediaTags));
  const published = buildPublishedText(text, bodyStart, text.length, hidden);
  return {
    text,
    lines,
    frontMatter,
    bodyStart,
    blocks,
    images,
    mediaTags,
    comments,
    codeBlocks,
    published,
    lang: detectLanguage(published.text),
    derived: new Map(),
  };
}

function mergeSpans(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** A post is Chinese when it has more CJK characters than Latin words; mixed posts lean Chinese. */
export function detectLanguage(text: string): PostLanguage {
  let cjk = 0;
  let latinWords = 0;
  let inWord = false;
  const limit = Math.min(text.length, 4000);
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (letter && !inWord) latinWords++;
    inWord = letter;
    if (c >= 0x3000 && isCjk(c)) cjk++;
  }
  return cjk > 0 && cjk >= latinWords ? 'zh' : 'en';
}

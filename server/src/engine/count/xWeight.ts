import configs from 'twitter-text/dist/esm/configs';
import { twitterTextModule } from '../onDemand';
import { findEmoji, type Entity } from './emoji';
import { isLatinLetterOrDigit, isUrlBreak, mayStartTld, plainUrlSpans, tlds } from './urlText';

/**
 * X's weighted length (twitter-text `parseTweet`, config v3), computed the way `parseTweet` does
 * but without its cost on every keystroke:
 *
 * - `parseTweet` runs twitter-text's URL regex from every position of the text (about 30 µs on a
 *   300-character post, 0.2 s on 500 KB). A URL never holds a space and always holds a `.` followed
 *   by the first letter of its TLD, so the regex runs here only on the space-delimited runs that
 *   hold such a dot, each with one space of context on either side: the regex looks at most one
 *   character behind a URL and one ahead of its TLD, so it finds exactly the URLs it finds in the
 *   whole text. Runs seen before (the rest of the post, as the writer types) are looked up, and a
 *   run that is one plain link (`count/urlText.ts`) is read without the regex, which also spares most
 *   processes compiling it.
 * - `parseTweet` tests every character against a regex and slices a substring for it, and looks
 *   its weight up in a list of ranges; the walk below compares code units and indexes a table.
 * - Cutting at a limit walks the same entities again instead of parsing the whole text anew.
 *
 * `test/engine/xWeight.test.ts` checks that both agree on the conformance suite, the corpus and
 * generated text.
 *
 * Text that Unicode normalization (NFC) would change is rare in a draft; it goes to `parseTweet`
 * itself, whose offsets then follow its own normalization rules.
 */
export interface XWeight {
  /** The weighted length in X's units (CJK and emoji 2, URLs 23, the rest 1). */
  weightedLength: number;
  /** `parseTweet`'s `validRangeEnd + 1` had the limit been `max`: the offset where the overflow starts. */
  fitEnd(max: number): number;
  /** URLs as X sees them, for hovers. */
  urls: { start: number; end: number }[];
}

/** X's counting rules (weights by code point range, URL length, scale) as twitter-text holds them. */
export const X_CONFIG = configs.version3;

export function weighX(text: string): XWeight {
  const normalized = text.normalize();
  if (normalized !== text) return viaParseTweet(text);
  const urls = extractUrls(text);
  const emoji = findEmoji(text);
  return {
    weightedLength: totalWeight(text, urls, emoji) / X_CONFIG.scale,
    fitEnd: (max) => lastFitting(text, urls, emoji, max) + 1,
    urls,
  };
}

/** The same answers straight from twitter-text, for the rare text NFC changes. */
function viaParseTweet(text: string): XWeight {
  const { twitter } = twitterTextModule();
  const parsed = twitter.parseTweet(text, X_CONFIG);
  return {
    weightedLength: parsed.weightedLength,
    fitEnd: (max) => twitter.parseTweet(text, { ...X_CONFIG, maxWeightedTweetLength: max }).validRangeEnd + 1,
    urls: twitter.extractUrlsWithIndices(text).map(countedSpan).map(([start, end]) => ({ start, end })),
  };
}

/** Each code unit's weight where a range of the config sets it; everything above weighs the default. */
const RANGE_WEIGHTS = (() => {
  const top = Math.max(...X_CONFIG.ranges.map((r) => r.end));
  const table = new Uint16Array(top + 1).fill(X_CONFIG.defaultWeight);
  // The first range that holds a code unit wins, as in twitter-text's getCharacterWeight.
  for (const range of [...X_CONFIG.ranges].reverse()) table.fill(range.weight, range.start, range.end + 1);
  return table;
})();

const { scale: SCALE, defaultWeight: DEFAULT_WEIGHT, transformedURLLength: URL_LENGTH } = X_CONFIG;

/** A surrogate pair is one step of `parseTweet`'s loop, weighed by its low half (always the default). */
function isPairAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return false;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff;
}

/**
 * The scaled weight of the whole text: `parseTweet`'s sum, taken stretch by stretch between
 * entities. An entity that starts inside the previous step is skipped, as `parseTweet` skips it.
 */
function totalWeight(text: string, urls: Entity[], emoji: Entity[]): number {
  const table = RANGE_WEIGHTS;
  let weighted = 0;
  let u = 0;
  let e = 0;
  for (let i = 0; i < text.length; ) {
    while (u < urls.length && urls[u].start < i) u++;
    while (e < emoji.length && emoji[e].start < i) e++;
    if (u < urls.length && urls[u].start === i) {
      weighted += URL_LENGTH * SCALE;
      i = urls[u++].end;
      continue;
    }
    if (e < emoji.length && emoji[e].start === i) {
      weighted += DEFAULT_WEIGHT;
      i = emoji[e++].end;
      continue;
    }
    const stop = Math.min(u < urls.length ? urls[u].start : text.length, e < emoji.length ? emoji[e].start : text.length);
    for (; i < stop; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0xd800 && isPairAt(text, i)) {
        weighted += DEFAULT_WEIGHT;
        i++;
      } else weighted += code < table.length ? table[code] : DEFAULT_WEIGHT;
    }
  }
  return weighted;
}

/**
 * `parseTweet`'s `validRangeEnd` under a limit of `max`: the last code unit of the last step that
 * still fits, before any invalid character. The weight only grows, so the walk stops at the first
 * step past the limit.
 */
function lastFitting(text: string, urls: Entity[], emoji: Entity[], max: number): number {
  const table = RANGE_WEIGHTS;
  const limit = max * SCALE;
  let weighted = 0;
  let last = 0;
  let u = 0;
  let e = 0;
  for (let i = 0; i < text.length; i++) {
    while (u < urls.length && urls[u].start < i) u++;
    while (e < emoji.length && emoji[e].start < i) e++;
    if (u < urls.length && urls[u].start === i) {
      weighted += URL_LENGTH * SCALE;
      i = urls[u++].end - 1;
    } else if (e < emoji.length && emoji[e].start === i) {
      weighted += DEFAULT_WEIGHT;
      i = emoji[e++].end - 1;
    } else {
      if (isPairAt(text, i)) i++;
      const code = text.charCodeAt(i);
      weighted += code < table.length ? table[code] : DEFAULT_WEIGHT;
    }
    // twitter-text's invalid characters; it tests the code unit the step ended on.
    const c = text.charCodeAt(i);
    if (c === 0xfffe || c === 0xfeff || c === 0xffff || weighted > limit) break;
    last = i;
  }
  return last;
}

/**
 * Whether twitter-text could end a domain at the dot at `dot`. Most dots followed by a letter are
 * abbreviations ("e.g."), decimals or missing spaces ("end.Next"); their runs are skipped without
 * running its extractor, which costs some 20 µs a post the first time a run is seen.
 */
function mayEndDomain(text: string, dot: number): boolean {
  const first = text.charCodeAt(dot + 1);
  // A TLD in another script (.中国, .рф): left to twitter-text.
  if (first >= 0x80) return tlds().otherStarts.has(first);
  let end = dot + 1;
  while (end < text.length && isLatinLetterOrDigit(text.charCodeAt(end))) end++;
  const label = text.slice(dot + 1, end).toLowerCase();
  // Punycode TLDs (xn--…) run on past the hyphens.
  if (label === 'xn' && text.startsWith('--', end)) return true;
  const next = text.charCodeAt(end);
  if (next === 0x40 || next === 0x2b || next === 0x2d) return false;
  return tlds().latin.has(label);
}

/**
 * twitter-text's URLs, found by running its extractor only on the space-delimited runs that hold
 * a dot followed by a top-level domain (a sentence's closing period is not one).
 */
export function extractUrls(text: string): Entity[] {
  const urls: Entity[] = [];
  let searchFrom = 0;
  for (;;) {
    const dot = text.indexOf('.', searchFrom);
    if (dot < 0) break;
    if (!mayStartTld(text.charCodeAt(dot + 1)) || !mayEndDomain(text, dot)) {
      searchFrom = dot + 1;
      continue;
    }
    let start = dot;
    while (start > 0 && !isUrlBreak(text.charCodeAt(start - 1))) start--;
    let end = dot + 1;
    while (end < text.length && !isUrlBreak(text.charCodeAt(end))) end++;
    // One break character of context on each side, as the whole text would give the regex.
    const from = Math.max(0, start - 1);
    const to = Math.min(text.length, end + 1);
    for (const [urlStart, urlEnd] of urlsIn(text.slice(from, to))) urls.push({ start: from + urlStart, end: from + urlEnd });
    searchFrom = end;
  }
  return urls;
}

/**
 * URLs in one run, by the run's text. A post is re-linted on every keystroke with nearly all of its
 * runs unchanged, and twitter-text's extractor costs microseconds per run (a punycode conversion per
 * candidate domain), so most runs are looked up; the cache is dropped whole when it grows large.
 */
const urlCache = new Map<string, [number, number][]>();
const URL_CACHE_LIMIT = 10_000;

/**
 * The characters `parseTweet` counts as the URL: from its start, as many as the URL's text. For a t.co
 * link inside a longer domain-like run ("x.com-t.co/abc") twitter-text reports indices wider than the
 * URL, and `parseTweet` weighs the rest of that span character by character.
 */
function countedSpan(url: { url: string; indices: [number, number] }): [number, number] {
  return [url.indices[0], url.indices[0] + url.url.length];
}

function urlsIn(run: string): [number, number][] {
  let urls = urlCache.get(run);
  if (urls === undefined) {
    if (urlCache.size >= URL_CACHE_LIMIT) urlCache.clear();
    urls = plainUrlSpans(run) ?? twitterTextModule().twitter.extractUrlsWithIndices(run).map(countedSpan);
    urlCache.set(run, urls);
  }
  return urls;
}

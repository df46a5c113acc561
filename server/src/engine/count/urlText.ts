// What twitter-text's URL extractor needs to see before it can find a URL, and the one shape of URL
// that is simple enough to read without it. Its extractor runs a regex of some 1,500 top-level
// domains that takes V8 about 9 ms to compile in each process, then tens of microseconds a run.
import validCCTLD from 'twitter-text/dist/esm/regexp/validCCTLD';
import validGTLD from 'twitter-text/dist/esm/regexp/validGTLD';

/** The characters twitter-text never lets into a URL (its "space" group). */
export function isUrlBreak(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    c === 0x180e ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** A TLD starts with a letter (ASCII, or any script: .中国, .рф), so a dot before anything else ends no domain. */
export function mayStartTld(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c >= 0x80;
}

interface KnownTlds {
  /**
   * The top-level domains twitter-text knows in Latin letters, read from its own patterns. Its URL pattern
   * takes a TLD only right after a dot and before a character that is not a Latin letter, a digit, '@',
   * '+' or '-'; so the Latin run after a dot must be one of these for a domain to end there.
   */
  latin: ReadonlySet<string>;
  /**
   * The code units the other TLDs (.中国, .рф, .ευ) start with, in either case: twitter-text matches them
   * case-insensitively. A dot before anything else, such as a closing quote ("Millers.”"), ends no domain.
   */
  otherStarts: ReadonlySet<number>;
}

let knownTlds: KnownTlds | undefined;

/** Read the first time a post has a dot before a letter: most of a process's posts never ask. */
export function tlds(): KnownTlds {
  if (knownTlds) return knownTlds;
  const names = [validGTLD, validCCTLD].flatMap((pattern) => pattern.source.replace(/^\(\?:\(\?:/, '').replace(/\)\(\?=.*$/, '').split('|'));
  const latin = new Set(names.filter((name) => /^[a-z0-9]+$/.test(name)));
  const otherStarts = new Set<number>();
  for (const name of names) {
    if (latin.has(name)) continue;
    for (const form of [name, name.toLowerCase(), name.toUpperCase()]) otherStarts.add(form.charCodeAt(0));
  }
  return (knownTlds = { latin, otherStarts });
}

export function isLatinLetterOrDigit(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/**
 * The most common link in a post: `http://` or `https://`, a host of plain labels (letters, digits,
 * inner hyphens) ending in a top-level domain twitter-text knows, and a path of letters, digits, `/`,
 * `_` and `-`, between URL breaks or the ends of the run. For that shape twitter-text finds exactly this
 * one URL (a t.co link is cut after its slug, or dropped when the slug is over 40 characters); every
 * other run returns undefined and goes to twitter-text. `test/engine/xWeight.test.ts` holds the two equal.
 */
const PLAIN_URL = /^https?:\/\/((?:[a-z0-9]+(?:-+[a-z0-9]+)*\.)+)([a-z]+)((?:\/[a-z0-9_-]*)*)$/i;
const MAX_LABEL = 63;
const MAX_TCO_SLUG = 40;

export function plainUrlSpans(run: string): [number, number][] | undefined {
  const from = run.length > 0 && isUrlBreak(run.charCodeAt(0)) ? 1 : 0;
  const to = run.length > from && isUrlBreak(run.charCodeAt(run.length - 1)) ? run.length - 1 : run.length;
  // Longer than any plain link in a post; twitter-text also caps a URL's length.
  if (to - from > 2000) return undefined;
  const match = PLAIN_URL.exec(run.slice(from, to));
  if (match === null) return undefined;
  const [url, labels, tld, path] = match;
  if (!tlds().latin.has(tld.toLowerCase()) || /(?:^|\.)xn--/i.test(labels)) return undefined;
  for (const label of labels.split('.')) if (label.length > MAX_LABEL) return undefined;
  if (tld.length > MAX_LABEL) return undefined;
  if (labels.toLowerCase() === 't.' && tld.toLowerCase() === 'co') {
    const slug = /^\/([a-z0-9]+)/i.exec(path);
    if (slug !== null) {
      if (slug[1].length > MAX_TCO_SLUG) return [];
      return [[from, from + url.length - path.length + slug[0].length]];
    }
  }
  return [[from, from + url.length]];
}

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import twitter from 'twitter-text';
import { parse } from 'yaml';
import { plainUrlSpans } from '../../server/src/engine/count/urlText';
import { weighX, X_CONFIG } from '../../server/src/engine/count/xWeight';
import { CONFORMANCE_FILE, SHARED_DIR, sharedAvailable } from '../helpers/paths';
import { runs as propertyRuns } from '../property/arbitraries';

/** What twitter-text itself says: the length, and where the text stops fitting under each limit. */
function expected(text: string, limits: number[]): { length: number; cuts: number[] } {
  const length = twitter.parseTweet(text, X_CONFIG).weightedLength;
  const cuts = limits.map((max) => twitter.parseTweet(text, { ...X_CONFIG, maxWeightedTweetLength: max }).validRangeEnd + 1);
  return { length, cuts };
}

function assertAgrees(text: string, limits: number[]): void {
  const want = expected(text, limits);
  const got = weighX(text);
  assert.equal(got.weightedLength, want.length, JSON.stringify(text));
  assert.deepEqual(
    limits.map((max) => got.fitEnd(max)),
    want.cuts,
    JSON.stringify(text),
  );
}

// Pieces that exercise what the fast path relies on: URLs with and without a protocol, URL-like
// words, dots before letters and before spaces, every kind of space twitter-text breaks URLs on,
// CJK around links, emoji sequences, invalid characters and text that NFC changes.
const PIECES = [
  'http://', 'https://', 'www.', 'example', '.com', '.co', 't.co/abc', '.', '..', '/', '?q=1', '#frag', ':8080',
  ' ', '\t', '\n', '\u3000', '\u00a0', '\u2003', '\u0085', '\u180e', '\u202f',
  '中文', '看', '。', '，', '例子', '.中国', '.xn--fiqs8s', 'foo.bar', 'a.b', 'bit.ly/x', '.jp', 'U.S.', '3.5',
  'a', 'Z', '9', '-', '_', '@', '#', '$', '(', ')', "'", '"', '!', '＠', '／',
  '😀', '👨‍👩‍👧', '#️⃣', '#⃣', '\ufe0f', '\ufe0e', '\u200d', '🇺🇸', '👍🏽', '🏽', '↔\ufe0f', '☺\ufe0e', '©', '™', '🏴󠁧󠁢󠁥󠁮󠁧󠁿',
  '\ud83d', 'é', 'e\u0301', '\ufeff', '\ufffe',
  // Runs are skipped unless a dot is followed by a TLD twitter-text knows, and not by '@', '+' or '-'.
  '.COM', '.Com', '.com-', '-op', '.io', '+', '.txt', '.Next', '.xn--', '.onion', '.ac', '.aaa', 'e.g.', '.bar', '.co.uk', '.com_', '.com2',
  // ...and, in other scripts, unless the dot is followed by a character some TLD starts with, in either case.
  '.рф', '.РФ', '.Рф', '.ευ', '.ΕΥ', '.中國', '.香港', '.みんな', '.ไทย', '.”', '.’', '.」', '.）', 'Millers.”', '例子.中国/路径', 'http://例子',
];

describe('X weighted length: the fast path agrees with twitter-text parseTweet', () => {
  it('on generated text, in length and in where each limit cuts', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 16 }).map((parts) => parts.join('')), (text) => assertAgrees(text, [1, 3, 7, 12, 25])),
      { numRuns: propertyRuns(2_000), seed: 20240601 },
    );
  });

  it('on long text with URLs far apart, where a cut lands inside and after a URL', () => {
    const text = `${'字'.repeat(100)} https://example.com/a/very/long/path?x=1 ${'word '.repeat(60)}www.example.org ${'😀'.repeat(30)}`;
    assertAgrees(text, [1, 100, 110, 123, 140, 200, 280, 400]);
  });

  const conformance = sharedAvailable(CONFORMANCE_FILE);
  (conformance ? it : it.skip)(`on the conformance suite${conformance ? '' : ' (skipped: ../shared/conformance is absent)'}`, () => {
    const suite = parse(readFileSync(CONFORMANCE_FILE, 'utf8')) as { tests: Record<string, { text: string }[]> };
    for (const testCase of suite.tests.WeightedTweetsWithDiscountedEmojiCounterTest) assertAgrees(testCase.text, [140, 280]);
  });

  const corpusDir = join(SHARED_DIR, 'corpus');
  const corpus = sharedAvailable(corpusDir);
  (corpus ? it : it.skip)(`on every post of the shared corpus${corpus ? '' : ' (skipped: ../shared/corpus is absent)'}`, function () {
    this.timeout(120_000);
    for (const file of readdirSync(corpusDir).filter((f) => f.endsWith('.jsonl'))) {
      for (const line of readFileSync(join(corpusDir, file), 'utf8').split('\n')) {
        if (line.trim()) assertAgrees((JSON.parse(line) as { text: string }).text, [280]);
      }
    }
  });
});

describe('plain links read without twitter-text', () => {
  const BREAKS = ['', ' ', '\n', '\u3000', '\u00a0'];
  const PROTOCOLS = ['http://', 'https://', 'HTTPS://', 'Http://', 'ftp://', ''];
  const LABELS = ['a', 't', 'T', 'co', 'example', 'x-y', 'x--y', '-x', 'x-', '123', 'bit', 'xn--fiqs8s', 'x_y', 'a'.repeat(63), 'a'.repeat(64), '例子'];
  const TLDS = ['com', 'co', 'ly', 'cn', 'io', 'COM', 'Co', 'zzz', 'txt', 'community', 'xn--fiqs8s', ''];
  const PATHS = ['', '/', '/abc', '/a-b_c', '/A1b2', `/${'a'.repeat(40)}`, `/${'a'.repeat(41)}`, '/abc/def', '//x', '/x.y', '/x-', '?q=1', '#f', ':8080', '/a?b', '.', ')', '/é'];
  const run = fc
    .tuple(
      fc.constantFrom(...BREAKS),
      fc.constantFrom(...PROTOCOLS),
      fc.array(fc.constantFrom(...LABELS), { minLength: 1, maxLength: 3 }),
      fc.constantFrom(...TLDS),
      fc.array(fc.constantFrom(...PATHS), { maxLength: 3 }),
      fc.constantFrom(...BREAKS),
    )
    .map(([before, protocol, labels, tld, path, after]) => `${before}${protocol}${[...labels, tld].join('.')}${path.join('')}${after}`);
  // Mostly well-formed links, so that the close calls (label lengths, t.co slugs, case) come up often.
  const likelyPlain = fc
    .tuple(
      fc.constantFrom(...BREAKS),
      fc.constantFrom('http://', 'https://', 'HTTP://'),
      fc.array(fc.constantFrom('a', 't', 'example', 'x-y', '123', 'bit', 'a'.repeat(63), 'a'.repeat(64)), { minLength: 1, maxLength: 3 }),
      fc.constantFrom('com', 'co', 'ly', 'CN', 'community', 'zzz'),
      fc.array(fc.constantFrom('/', '/abc', '/a-b_c', `/${'a'.repeat(40)}`, `/${'a'.repeat(41)}`, '//x', '/x-'), { maxLength: 3 }),
      fc.constantFrom(...BREAKS),
    )
    .map(([before, protocol, labels, tld, path, after]) => `${before}${protocol}${[...labels, tld].join('.')}${path.join('')}${after}`);

  it('finds exactly the URL twitter-text finds, wherever it answers, and answers on most plain links', () => {
    let answered = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.oneof(run, likelyPlain), (text) => {
        runs++;
        const plain = plainUrlSpans(text);
        if (plain === undefined) return;
        answered++;
        const extracted = twitter.extractUrlsWithIndices(text).map((u) => [u.indices[0], u.indices[0] + u.url.length]);
        assert.deepEqual(plain, extracted, JSON.stringify(text));
      }),
      { numRuns: propertyRuns(4_000), seed: 20261130 },
    );
    assert.ok(answered > runs * 0.25, `answered ${answered} of ${runs}`);
  });

  it('answers for the links posts carry, and cuts a t.co link after its slug', () => {
    assert.deepEqual(plainUrlSpans(' https://example.com/launch\n'), [[1, 27]]);
    assert.deepEqual(plainUrlSpans('http://t.co/abc123/more'), [[0, 18]]);
    assert.deepEqual(plainUrlSpans(`https://t.co/${'a'.repeat(41)}`), []);
    assert.equal(plainUrlSpans(' www.example.com '), undefined, 'no protocol: twitter-text decides');
    assert.equal(plainUrlSpans('https://example.com/a?b=1'), undefined, 'a query: twitter-text decides');
  });
});

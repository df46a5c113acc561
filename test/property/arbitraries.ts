// Generators for the property tests: whole posts built from the pieces that break text tools
// (surrogates, ZWJ sequences, combining marks, bidi controls, NUL, mixed line breaks, a BOM),
// Markdown and front-matter fragments in random order, lexicon phrases so that rules with fixes fire,
// and settings objects both valid and wrong.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { PLATFORM_IDS, RULES, type PostlintSettings } from '../../server/src/engine';
import { REPO_ROOT } from '../helpers/paths';

/**
 * How many runs a property gets: the in-suite default, times `FUZZ_SCALE` (`npm run test:fuzz` runs ten
 * times as many, as CI does after `npm test`); `FUZZ_RUNS` sets the number outright for long local runs.
 */
export function runs(inSuite: number): number {
  const fromEnv = Number(process.env.FUZZ_RUNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  const scale = Number(process.env.FUZZ_SCALE);
  return Number.isInteger(scale) && scale > 0 ? inSuite * scale : inSuite;
}

/** A seed from `FUZZ_SEED` replays a failure that fast-check reported; otherwise fast-check picks one. */
export function seedOption(): { seed?: number } {
  const seed = Number(process.env.FUZZ_SEED);
  return Number.isInteger(seed) ? { seed } : {};
}

/** Every lexicon phrase, so documents often contain text the phrase rules flag (and fix). */
const RULES_DIR = join(REPO_ROOT, 'server', 'src', 'engine', 'rules');
const LEXICON_PHRASES: string[] = readdirSync(RULES_DIR)
  .flatMap((family) => (family.includes('.') ? [] : readdirSync(join(RULES_DIR, family)).filter((name) => name.endsWith('.json') && !name.includes('.signals.')).map((name) => join(RULES_DIR, family, name))))
  .flatMap((path) => (JSON.parse(readFileSync(path, 'utf8')) as { entries: { phrase?: string }[] }).entries)
  .flatMap((entry) => (entry.phrase ? [entry.phrase] : []));

const UNICODE_HAZARDS = [
  '👨‍👩‍👧‍👦', '👍🏽', '👩🏿‍💻', '🏳️‍🌈', '🇨🇳', '🇺🇸', '😀', '❤️', '1️⃣', '🫶🏻',
  'e\u0301', 'a\u0308\u0323', 'Z\u0351\u0352\u0353\u0354\u0355', '\u0915\u094d\u0937', '각', '\u1100\u1161\u11a8',
  'مرحبا بالعالم', 'שלום', '\u202e', '\u202d', '\u200f', '\u2066', '\u200b', '\u200d', '\u00ad', '\u00a0', '\u3000',
  '\ud800', '\udc00', '\ud83d', '\ude00', '\udbff\udfff', '\u0000', '\u0007', '\u000b', '\u000c', '\u0085', '\u2028', '\u2029',
  '\ufeff', '\ufffd', '\uffff', '𠀀', '𪚥', '🀄',
];

const PROSE = [
  '汉字', '你好，世界！', '我们今天发布了新版本。', '【限时】', '“引号”', '！？', '……', '——', '你们怎么看？', '100%', '👉',
  'We shipped it.', 'What do you think?', 'the', 'launch', ' ', '  ', '\t', 'a', 'Hello, world!', 'ß', 'İ', 'ﬁ',
];

const MARKDOWN = [
  '# ', '## ', '###### ', '> ', '>> ', '- ', '* ', '+ ', '1. ', '99) ', '- [ ] ', '    ', '\t',
  '```', '```js', '~~~', '---', '***', '___', '===', '|a|b|', '|-|-|', '| --- |',
  '![alt](img.png)', '![](', '](x)', '[link](https://x.com)', '[', ']', '(', ')', '<https://a.b>',
  '<!-- note -->', '<!--', '-->', '<!-- postlint-disable -->', '<!-- postlint-enable -->', '<!-- postlint-disable-next-line length -->',
  '<!-- ignore: hard-selling -->', '<img src="a.png">', '<video src="a.mp4"></video>', '<audio>', '</video>', '<div>', '</div>',
  '**', '__', '*', '_', '`', '``', '~~', '\\', '&amp;', '&#0;', '&#x10FFFF;',
  'https://example.com/path?q=1&r=2', 'http://t.co/abc', 'www.example.com', 'https://youtu.be/dQw4w9WgXcQ',
  '#话题#', '#tag', '#', '@user', '@', 'mailto:a@b.c',
];

const LINE_BREAK = fc.constantFrom('\n', '\r\n', '\r');

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** One piece of a line: mostly meaningful fragments, sometimes raw code units or code points. */
const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PROSE) },
  { weight: 4, arbitrary: fc.constantFrom(...MARKDOWN) },
  { weight: 4, arbitrary: fc.constantFrom(...UNICODE_HAZARDS) },
  { weight: 3, arbitrary: fc.constantFrom(...LEXICON_PHRASES) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: codeUnit, maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', '汉', ' ', '😀', '*', '>'), minLength: 50, maxLength: 400 }) },
);

const line = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(''));

/** A body: lines joined by a random mix of LF, CRLF and CR. */
export const body: fc.Arbitrary<string> = fc
  .array(fc.tuple(line, LINE_BREAK), { maxLength: 14 })
  .map((lines) => lines.map(([text, eol]) => text + eol).join(''));

const platformValue = fc.oneof(
  fc.constantFrom(...PLATFORM_IDS),
  fc.constantFrom('X', ' weibo ', 'twitter', '', 'null', '42', '[x, weibo]', '[x, nonsense, x]', '{a: 1}', '- x\n  - weibo'),
  fc.string({ maxLength: 10 }),
);

const RULE_KEYS = [...new Set([...RULES.map((r) => r.meta.id), 'length', 'formatting', 'no-such-rule'])];

const yamlLine = fc.oneof(
  platformValue.map((p) => `platform: ${p}`),
  fc.constantFrom(...RULE_KEYS).chain((rule) =>
    fc.constantFrom('off', 'error', 'warning', 'nonsense', '42', '{severity: hint}', '{severity: loud}', '[a]').map((v) => `postlint: {rules: {${rule}: ${v}}}`),
  ),
  fc.constantFrom(
    'title: 新品发布', 'tags: [a, b', 'key: "unterminated', ': no key', '\tindented: tab', 'a: &anchor [1, 2]', 'b: *anchor', 'c: *missing',
    'postlint: 3', 'postlint: {unknown: 1}', 'postlint:\n  rules:\n    length: off', '? complex', '- a list item', '!!binary aGVsbG8=',
    'x: !!int notanumber', 'dup: 1', 'dup: 2', '%YAML 1.2', '...', '---', '"\\u0000": nul', '---x', 'date: 2024-13-45',
  ),
  fc.string({ maxLength: 20 }),
);

/** Front matter: valid or broken YAML, sometimes unterminated, with either fence closing it. */
const frontMatter = fc
  .tuple(fc.array(fc.tuple(yamlLine, LINE_BREAK), { maxLength: 6 }), LINE_BREAK, fc.constantFrom('---', '...', '--- ', ''), LINE_BREAK)
  .map(([lines, open, close, after]) => `---${open}${lines.map(([l, eol]) => l + eol).join('')}${close}${close ? after : ''}`);

/** Now and then a line of up to 1,500 characters (the hostile suite goes to a million): rare, as length costs time in every run. */
const veryLongLine = fc
  .tuple(fc.array(fc.constantFrom(...PROSE, ...UNICODE_HAZARDS, ...LEXICON_PHRASES), { minLength: 1, maxLength: 4 }), fc.integer({ min: 300, max: 1500 }))
  .map(([units, length]) => units.join('').repeat(Math.ceil(length / Math.max(1, units.join('').length))).slice(0, length));

/** A whole post: an optional BOM, optional front matter, then the body, sometimes with a very long line. */
export const document: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), fc.option(frontMatter, { freq: 3 }), body, fc.oneof({ weight: 64, arbitrary: fc.constant('') }, { weight: 1, arbitrary: veryLongLine }))
  .map(([bom, fm, text, long]) => `${bom ? '\ufeff' : ''}${fm ?? ''}${text}${long}`);

const severity = fc.constantFrom('off', 'hint', 'information', 'warning', 'error');
const wrongValue = fc.oneof(fc.constant(null), fc.integer(), fc.string({ maxLength: 6 }), fc.boolean(), fc.constant([]), fc.constant({}), fc.double());

const ruleSetting = fc.oneof(
  severity,
  fc.boolean(),
  fc.record({ severity }, { requiredKeys: [] }),
  fc.dictionary(fc.constantFrom('severity', 'maxChars', 'max', 'min', 'enabled', 'phrases'), wrongValue, { maxKeys: 2 }),
  wrongValue,
);

const wordList = fc.oneof(
  fc.array(fc.oneof(fc.constantFrom(...LEXICON_PHRASES), fc.string({ maxLength: 8 })), { maxLength: 5 }),
  fc.array(fc.record({ phrase: fc.string({ maxLength: 8 }), rewrite: fc.string({ maxLength: 8 }) }, { requiredKeys: ['phrase'] }), { maxLength: 3 }),
  wrongValue,
);

const pattern = fc.record(
  {
    pattern: fc.oneof(fc.constantFrom('(a+)+$', '\\bnow\\b', '[', '(?<=x)y', '\\p{Han}+', '(?i)buy', '.*', ''), fc.string({ maxLength: 10 })),
    message: fc.string({ maxLength: 10 }),
    rule: fc.constantFrom('hard-selling', 'custom', 'no-such'),
    rewrite: fc.string({ maxLength: 6 }),
  },
  { requiredKeys: [] },
);

/** Settings as the editor or a settings file might hand them over: mostly well-typed, often not. */
export const settings: fc.Arbitrary<PostlintSettings> = fc.record(
  {
    platform: fc.oneof(fc.constantFrom(...PLATFORM_IDS), wrongValue),
    platforms: fc.oneof(
      fc.dictionary(
        fc.oneof(fc.constantFrom(...PLATFORM_IDS), fc.string({ maxLength: 5 })),
        fc.oneof(fc.record({ limit: fc.oneof(fc.integer({ min: 1, max: 3000 }), wrongValue), fold: fc.oneof(fc.integer({ min: 1, max: 300 }), fc.constant(null), wrongValue) }, { requiredKeys: [] }), wrongValue),
        { maxKeys: 3 },
      ),
      wrongValue,
    ),
    rules: fc.oneof(fc.dictionary(fc.constantFrom(...RULE_KEYS), ruleSetting, { maxKeys: 4 }), wrongValue),
    words: fc.oneof(fc.record({ allow: wordList, hardSelling: wordList, pressRelease: wordList, hooks: wordList }, { requiredKeys: [] }), wrongValue),
    patterns: fc.oneof(fc.array(fc.oneof(pattern, wrongValue), { maxLength: 3 }), wrongValue),
    locale: fc.oneof(fc.constantFrom('auto', 'en', 'zh-CN'), wrongValue),
    maxFileSize: fc.oneof(fc.integer({ min: 1, max: 4096 }), wrongValue),
    requireDisableReason: fc.oneof(fc.boolean(), wrongValue),
    enable: fc.oneof(fc.boolean(), wrongValue),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<PostlintSettings>;

/** Anything at all where settings belong: the engine must still answer, naming the problem. */
export const anySettings: fc.Arbitrary<PostlintSettings> = fc.oneof(
  { weight: 8, arbitrary: settings },
  { weight: 1, arbitrary: fc.anything() as fc.Arbitrary<PostlintSettings> },
);

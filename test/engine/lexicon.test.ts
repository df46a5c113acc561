import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Ajv from 'ajv';
import { LEXICON_FILES, PHRASE_FAMILIES, type PostlintSettings, resolveConfig } from '../../server/src/engine';
import { findPhrases, type LexiconRule } from '../../server/src/engine/lexicon';
import { stem } from '../../server/src/engine/lexicon/english';
import { countGroups } from '../../server/src/engine/lexicon/patternGroups';
import type { CompiledEntry } from '../../server/src/engine/lexicon/types';
import { parsePost } from '../../server/src/engine/parse/post';

const engineDir = join(__dirname, '..', '..', 'server', 'src', 'engine');
const rulesDir = join(engineDir, 'rules');

function hits(text: string, rule: LexiconRule, settings: PostlintSettings = {}) {
  return findPhrases({ post: parsePost(text), config: resolveConfig(settings) }, rule);
}

const phrases = (text: string, rule: LexiconRule, settings?: PostlintSettings) => hits(text, rule, settings).map((h) => h.text);

describe('lexicon data files', () => {
  const schema = JSON.parse(readFileSync(join(engineDir, 'lexicon', 'lexicon.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true }).compile(schema);
  // Each family's data sits in its rule folder: `rules/<family>/<family>.<lang>.json`.
  const files = readdirSync(rulesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(rulesDir, d.name)).filter((f) => f.endsWith('.json') && !f.includes('.signals.')).map((f) => join(d.name, f)));

  it('every data file is bundled by the engine', () => {
    assert.deepEqual(files.map((f) => basename(f).replace(/\.json$/, '')).sort(), Object.keys(LEXICON_FILES).sort());
  });

  it('every entry has a reason: its own, or its family\'s for its signal', () => {
    for (const family of PHRASE_FAMILIES) {
      for (const file of family.data) {
        for (const entry of file.entries) assert.ok(entry.reason ?? family.reasons[entry.signal], `${family.id}: ${entry.phrase ?? entry.pattern} (${entry.signal})`);
      }
    }
  });

  it('every default reason is used by some entry', () => {
    for (const family of PHRASE_FAMILIES) {
      const signals = new Set(family.data.flatMap((file) => file.entries.filter((entry) => !entry.reason).map((entry) => entry.signal)));
      for (const file of family.signals ?? []) for (const signal of file.signals) if (!signal.reason) signals.add(signal.signal);
      for (const signal of Object.keys(family.reasons)) assert.ok(signals.has(signal), `${family.id}: unused reason for ${signal}`);
    }
  });

  for (const file of files) {
    describe(file, () => {
      const data = JSON.parse(readFileSync(join(rulesDir, file), 'utf8'));
      it('matches the schema', () => assert.ok(validate(data), JSON.stringify(validate.errors, null, 2)));
      it('is in the language its name says', () => assert.equal(data.lang, basename(file).split('.')[1]));
      it('has no duplicate phrase', () => {
        const seen = new Set<string>();
        for (const entry of data.entries) {
          const key = (entry.phrase ?? entry.pattern).toLowerCase();
          assert.ok(!seen.has(key), `duplicate: ${key}`);
          seen.add(key);
        }
      });
      it('has patterns that compile and stay linear on hostile input', () => {
        for (const entry of data.entries.filter((e: { pattern?: string }) => e.pattern)) {
          const regex = new RegExp(entry.pattern, 'gimu');
          assert.equal(new RegExp(`(?:${entry.pattern})|`, 'u').exec('')!.length, 1, `capturing group in ${entry.pattern}`);
          const hostile = `${'A1. -,/'.repeat(3000)}${'仅需99'.repeat(1000)}`;
          const started = process.hrtime.bigint();
          hostile.match(regex);
          assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 50, `slow pattern: ${entry.pattern}`);
        }
      });
    });
  }
});

describe('lexicon matching', () => {
  it('matches Chinese phrases without word breaks', () => {
    assert.deepEqual(phrases('新品上市，立即下单享好礼', 'hard-selling'), ['立即下单']);
  });

  it('matches English on word boundaries, any case, with inflections', () => {
    assert.deepEqual(phrases('Order now and we ship today.', 'hard-selling'), ['Order now']);
    assert.deepEqual(phrases('Acme Corp today announced a partnership.', 'press-release-tone'), ['today announced']);
    assert.deepEqual(phrases('The team were pleased to announce a new office.', 'press-release-tone'), ['were pleased to announce']);
    assert.deepEqual(phrases('The bordering countries buy nowhere near enough.', 'hard-selling'), []);
  });

  it('gives inflections of a word one stem', () => {
    for (const family of [['order', 'orders', 'ordered', 'ordering'], ['announce', 'announces', 'announced', 'announcing'], ['shop', 'shops', 'shopped', 'shopping']]) {
      assert.deepEqual(new Set(family.map(stem)).size, 1, family.join(', '));
    }
  });

  it('continues a phrase across a hyphen but not across punctuation', () => {
    assert.deepEqual(phrases('Our industry leading team', 'press-release-tone'), ['industry leading']);
    assert.deepEqual(phrases('Buy. Now we talk.', 'hard-selling'), []);
  });

  it('does not read URLs as prose', () => {
    assert.deepEqual(phrases('See https://shop.example/buy-now for details', 'hard-selling'), []);
  });

  it('matches patterns and maps hits back to source offsets', () => {
    const text = '---\nplatform: weibo\n---\n春季新款<!-- note -->仅需99元';
    const [hit] = hits(text, 'hard-selling');
    assert.equal(hit.text, '仅需99元');
    assert.equal(text.slice(hit.start, hit.end), '仅需99元');
  });

  it('matches imperatives only as written when an entry does not inflect', () => {
    assert.deepEqual(phrases('Shop now!', 'hard-selling'), ['Shop now']);
    assert.deepEqual(phrases("I'm shopping now, call you later", 'hard-selling'), []);
  });

  it('capitalises rewrites to fit the start of a sentence', () => {
    const [hit] = hits('We are pleased to announce our new office', 'press-release-tone');
    assert.equal(hit.rewrites[0], "We're excited to share");
  });

  it('drops matches equal to or inside an allowed phrase', () => {
    assert.deepEqual(phrases('今天限时，包邮到家', 'hard-selling', { words: { allow: ['包邮到家'] } }), ['限时']);
    assert.deepEqual(phrases('Buy now', 'hard-selling', { words: { allow: ['buy now'] } }), []);
    assert.deepEqual(phrases('Lowest prices in town', 'hard-selling', { words: { allow: ['Lowest price'] } }), []);
  });

  it("adds the team's phrases, inferring their language, and skips malformed items", () => {
    const settings = { words: { hardSelling: ['冲鸭', { phrase: 'grab yours', rewrite: 'have a look' }, 42, { rewrite: 'x' }, null, ''] } };
    const found = hits('快冲鸭! Grab yours today.', 'hard-selling', settings);
    assert.deepEqual(found.map((h) => [h.text, h.entry.lang, h.rewrites]), [
      ['冲鸭', 'zh', []],
      ['Grab yours', 'en', ['Have a look']],
    ]);
  });

  it("matches a team phrase that is not a run of words literally", () => {
    assert.deepEqual(phrases('Great deal, T&Cs apply. #ad', 'hard-selling', { words: { hardSelling: ['#ad'] } }), ['T&Cs apply', '#ad']);
  });

  it("lets a team's entry override a built-in one for the same phrase", () => {
    const [hit] = hits('全场包邮', 'hard-selling', { words: { hardSelling: [{ phrase: '包邮', rewrite: '免邮费' }] } });
    assert.deepEqual([hit.text, hit.entry.custom, hit.rewrites], ['包邮', true, ['免邮费']]);
  });

  it('reads hooks for the no-hook rule', () => {
    assert.deepEqual(phrases('你们觉得哪款好看？欢迎留言', 'no-hook'), ['你们觉得', '欢迎留言']);
    assert.deepEqual(phrases('Which one would you pick? Let us know.', 'no-hook'), ['Which one would you', 'Let us know']);
  });

  it('compiles each list once per settings object', () => {
    const settings = {};
    const config = resolveConfig(settings);
    let builds = 0;
    const memo = config.memo.bind(config);
    const counting = { ...config, memo: <T>(key: string, build: () => T) => memo(key, () => (builds++, build())) };
    for (let i = 0; i < 3; i++) findPhrases({ post: parsePost('buy now'), config: counting }, 'hard-selling');
    assert.ok(builds <= 1);
  });
});

describe('capture groups of a lexicon pattern, counted from its source', () => {
  /** What running the pattern says: the count the alternation's group table must match. */
  const byRunning = (pattern: string, flags: string) => new RegExp(`(?:${pattern})|`, flags).exec('')!.length - 1;
  /** A team's entry: its syntax is checked; a built-in one's is checked by the test above instead. */
  const entry = (pattern: string, custom = true) => ({ pattern, custom }) as CompiledEntry;

  it('agrees with running the pattern, for every built-in pattern and the awkward cases', () => {
    const builtIn = Object.values(LEXICON_FILES).flatMap((file) => file.entries).flatMap((entry) => (entry.pattern ? [entry.pattern] : []));
    assert.ok(builtIn.length > 20);
    const awkward = [
      'a(b)c', '\\(a\\)', '[(]', '[\\]()]', '[^]](x)', '(?:a)(b)', '(?=a)(b)', '(?!a)', '(?<=a)(b)', '(?<!a)(b)', '(?<name>a)\\k<name>',
      '((a)(b))', 'a{2}(b)?', '[a-z(]+(x)', '\\\\(a)', '\\[(a)]', '(a)|(b)|(?:c)', '\\p{L}+(x)',
    ];
    for (const [pattern, custom] of [...builtIn.map((p) => [p, false] as const), ...awkward.map((p) => [p, true] as const)]) {
      const flags = /\\[pPu]\{/.test(pattern) ? 'mu' : 'm';
      assert.equal(countGroups(entry(pattern, custom), flags), byRunning(pattern, flags), pattern);
    }
  });

  it('refuses a pattern that is only valid inside another', () => {
    // Wrapped as `(a)|(b)` it would parse, and shift every later group of the alternation.
    assert.equal(countGroups(entry('a)|(b'), 'm'), undefined);
    assert.equal(countGroups(entry('('), 'm'), undefined);
  });
});

import assert from 'node:assert/strict';
import { lint, resolveConfig, type PostlintSettings } from '../../server/src/engine';
import { MAX_LIST_ENTRIES } from '../../server/src/engine/settings/words';

/** The keys of the problems a settings object has, in order. */
function problemKeys(settings: unknown): string[] {
  return resolveConfig(settings as PostlintSettings).problems.map((p) => p.key);
}

function problem(settings: unknown, key: string): string {
  const found = resolveConfig(settings as PostlintSettings).problems.find((p) => p.key === key);
  assert.ok(found, `no problem for ${key}; got ${JSON.stringify(resolveConfig(settings as PostlintSettings).problems)}`);
  return found.message;
}

describe('settings validation (config.ts)', () => {
  it("accepts the language client's own postlint.trace.server", () => {
    assert.deepEqual(resolveConfig({ trace: { server: 'verbose' } } as PostlintSettings).problems, []);
    assert.equal(resolveConfig({ trcae: 1 } as PostlintSettings).problems[0].key, 'postlint.trcae');
  });

  it('accepts every contributed setting at its default without a word', () => {
    const defaults: PostlintSettings = {
      enable: true,
      platform: 'x',
      platforms: {},
      rules: {},
      words: { allow: [], hardSelling: [], pressRelease: [], hooks: [] },
      patterns: [],
      wordLists: [],
      run: 'onType',
      debounceMs: 150,
      requireDisableReason: false,
      locale: 'auto',
      maxFileSize: 1048576,
    };
    assert.deepEqual(resolveConfig(defaults).problems, []);
  });

  it('names an unknown postlint.* key, and a word-list key under postlint.words', () => {
    assert.deepEqual(problemKeys({ platfrom: 'x', words: { alow: ['Acme'] } }), ['postlint.platfrom', 'postlint.words.alow']);
    assert.match(problem({ platfrom: 'x' }, 'postlint.platfrom'), /is not a postlint setting; known settings are enable, platform/);
    // Host-filled fields are not settings users should be told about.
    assert.doesNotMatch(problem({ platfrom: 'x' }, 'postlint.platfrom'), /wordListData|restricted/);
  });

  it('checks the scalar settings and falls back to their defaults', () => {
    const config = resolveConfig({ enable: 'yes', run: 'onIdle', debounceMs: -5, requireDisableReason: 1, maxFileSize: 0 } as unknown as PostlintSettings);
    assert.deepEqual(config.problems.map((p) => p.key), ['postlint.enable', 'postlint.maxFileSize', 'postlint.run', 'postlint.debounceMs', 'postlint.requireDisableReason']);
    assert.equal(config.enable, true);
    assert.equal(config.run, 'onType');
    assert.equal(config.debounceMs, 150);
    assert.equal(config.requireDisableReason, false);
    assert.match(problem({ debounceMs: 99999 }, 'postlint.debounceMs'), /whole number from 0 to 5000, not 99999; using 150/);
    const valid = resolveConfig({ enable: false, run: 'onSave', debounceMs: 0, requireDisableReason: true });
    assert.deepEqual([valid.enable, valid.run, valid.debounceMs, valid.requireDisableReason], [false, 'onSave', 0, true]);
  });

  it('resolves rules: a family key sets its rules, a rule key overrides its family whatever the order', () => {
    const config = resolveConfig({ rules: { 'formatting/front-matter': 'hint', formatting: 'off', length: { severity: 'warning' } } });
    assert.equal(config.rules.get('formatting/front-matter')!.severity, 'hint');
    assert.equal(config.rules.get('formatting/pattern')!.severity, 'off');
    assert.equal(config.rules.get('length')!.severity, 'warning');
    assert.equal(config.rules.get('length/fold')!.severity, 'warning');
  });

  it('names a bad rule id, severity and option by key', () => {
    const config = resolveConfig({ rules: { 'no-such': 'off', length: 'loud', 'hard-selling': { minScore: 'high', colour: 1 } } } as unknown as PostlintSettings);
    assert.deepEqual(config.problems.map((p) => p.key).sort(), ['postlint.rules.hard-selling.colour', 'postlint.rules.hard-selling.minScore', 'postlint.rules.length', 'postlint.rules.no-such']);
    assert.match(problem({ rules: { 'no-such': 'off' } }, 'postlint.rules.no-such'), /unknown rule or family "no-such"/);
    assert.match(problem({ rules: { length: 'loud' } }, 'postlint.rules.length'), /must be one of "off", "error".*not "loud"/);
  });

  it('speaks Chinese when the message locale is zh-CN', () => {
    assert.match(problem({ locale: 'zh-CN', platform: 'myspace' }, 'postlint.platform'), /未知平台 "myspace"/);
    assert.match(problem({ locale: 'zh-CN', debounceMs: 'soon' }, 'postlint.debounceMs'), /应为在 0 到 5000 之间的整数/);
    assert.match(problem({ locale: 'zh-CN', words: { hooks: [7] } }, 'postlint.words.hooks[0]'), /应为说法或/);
  });

  it('never throws, whatever is handed over, and says what the settings should be', () => {
    for (const value of [null, 42, 'x', [], { rules: [] }, { words: 'Acme' }, { patterns: {} }, { wordLists: 'a.yaml' }, { platforms: { x: 5 } }]) {
      const { configProblems } = lint('Hello there.', value as PostlintSettings);
      assert.ok(configProblems.length > 0, JSON.stringify(value));
    }
  });

  it('validates and compiles once per settings object', () => {
    const settings: PostlintSettings = { patterns: [{ pattern: 'x+', message: 'm' }] };
    assert.equal(resolveConfig(settings), resolveConfig(settings));
    assert.notEqual(resolveConfig(settings), resolveConfig({ ...settings }));
  });
});

describe('team words (postlint.words.*)', () => {
  it('takes plain phrases and { phrase, rewrite, reason } entries, trimmed', () => {
    const config = resolveConfig({
      words: {
        allow: [' Acme Deals '],
        hardSelling: ['grab yours', { phrase: 'act fast', rewrite: 'take your time', reason: 'We never rush readers.' }],
        hooks: [{ phrase: '你怎么看', reason: { en: 'Asks the reader.', zh: '在问读者。' } }],
      },
    });
    assert.deepEqual(config.problems, []);
    assert.deepEqual(config.allow, ['acme deals']);
    assert.deepEqual(config.settings.words?.hardSelling, [{ phrase: 'grab yours' }, { phrase: 'act fast', rewrite: 'take your time', reason: 'We never rush readers.' }]);
    assert.deepEqual(config.settings.words?.hooks, [{ phrase: '你怎么看', reason: { en: 'Asks the reader.', zh: '在问读者。' } }]);
  });

  it('reports each bad item by index and keeps the good ones', () => {
    const settings = { words: { allow: ['Acme', { phrase: 'x' }], hardSelling: ['', 3, { rewrite: 'y' }, { phrase: 'ok', rewrite: 5, reason: '', extra: true }, 'fine'] } };
    const config = resolveConfig(settings as unknown as PostlintSettings);
    assert.deepEqual(config.problems.map((p) => p.key), [
      'postlint.words.allow[1]',
      'postlint.words.hardSelling[0]',
      'postlint.words.hardSelling[1]',
      'postlint.words.hardSelling[2].phrase',
      'postlint.words.hardSelling[3].extra',
      'postlint.words.hardSelling[3].rewrite',
      'postlint.words.hardSelling[3].reason',
    ]);
    assert.deepEqual(config.allow, ['acme']);
    assert.deepEqual(config.settings.words?.hardSelling?.map((e) => (e as { phrase: string }).phrase), ['ok', 'fine']);
  });

  it('bounds each list at 10,000 entries and a phrase at 200 characters, naming the key', () => {
    const many = Array.from({ length: MAX_LIST_ENTRIES + 5 }, (_, i) => `phrase ${i}`);
    const config = resolveConfig({ words: { pressRelease: many, hooks: ['x'.repeat(201)] } });
    assert.equal(config.settings.words?.pressRelease?.length, MAX_LIST_ENTRIES);
    assert.match(problem({ words: { pressRelease: many } }, 'postlint.words.pressRelease'), /holds 10005 phrases; only the first 10000 are used/);
    assert.match(problem({ words: { hooks: ['x'.repeat(201)] } }, 'postlint.words.hooks[0]'), /at most 200/);
  });

  it('reports at most ten bad items of one list, then how many more', () => {
    const config = resolveConfig({ words: { hooks: Array.from({ length: 500 }, () => 42) } });
    assert.equal(config.problems.length, 11);
    assert.match(config.problems[10].message, /has 490 more problems like these/);
  });

  it('feeds the lexicon: a team phrase is flagged and an allowed phrase is not', () => {
    const text = 'We shipped the new editor. Grab yours today and tell us what breaks.';
    const flagged = lint(text, { words: { hardSelling: [{ phrase: 'grab yours', rewrite: 'try it' }] }, rules: { 'hard-selling': { minScore: 1 } } });
    assert.ok(flagged.diagnostics.some((d) => d.rule === 'hard-selling' && text.slice(d.start, d.end) === 'Grab yours'));
    const allowed = lint(text, { words: { hardSelling: ['grab yours'], allow: ['Grab yours'] }, rules: { 'hard-selling': { minScore: 1 } } });
    assert.ok(!allowed.diagnostics.some((d) => d.rule === 'hard-selling' && text.slice(d.start, d.end) === 'Grab yours'));
  });
});

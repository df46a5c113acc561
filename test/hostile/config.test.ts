// Hostile configuration: a workspace may come from a stranger. Catastrophic regular expressions, word
// lists of 100,000 entries and settings of the wrong type must give a clear message naming the key, and
// a lint bounded by structure (a pattern that backtracked would not finish within mocha's timeout).
import assert from 'node:assert/strict';
import { lint, type PostlintSettings } from '../../server/src/engine';
import { MAX_PATTERNS, MAX_FINDINGS_PER_PATTERN, MAX_PATTERN_PROGRAM, PATTERN_BUDGET_MS, setPatternClock } from '../../server/src/engine/patterns';
import { MAX_LIST_ENTRIES } from '../../server/src/engine/settings/words';
import { assertWellFormed } from '../property/invariants';
import { repeatTo } from './shapes';

/** A long run of `a` that ends in a character no backtracking pattern expects: the classic ReDoS input. */
const REDOS_TEXT = `${'a'.repeat(100_000)}!`;

function keys(settings: PostlintSettings, text = 'A short post. What do you think?'): string[] {
  const output = lint(text, settings);
  assertWellFormed(text, output);
  return output.configProblems.map((p) => p.key);
}

describe('hostile configuration', () => {
  describe('catastrophic regular expressions in postlint.patterns', () => {
    for (const pattern of ['(a+)+$', '(a|a)*$', '(a*)*b', '(x+x+)+y', '(.*a){25}', '^(a|aa)+$', '(?:a?){50}a{50}']) {
      it(`${pattern} runs in linear time on 100,000 characters`, () => {
        const settings = { patterns: [{ pattern, message: 'Hostile pattern.' }] };
        const output = lint(REDOS_TEXT, settings);
        assertWellFormed(REDOS_TEXT, output);
        // RE2 accepts it (it cannot backtrack); on this long a post it may be skipped or switched off by
        // the pattern budget, which then names it.
        for (const problem of output.configProblems) {
          assert.equal(problem.key, 'postlint.patterns[0].pattern');
          assert.match(problem.message, /^(is not run on posts longer than|took \d+ ms on one post)/);
        }
        assert.ok(output.diagnostics.filter((d) => d.message === 'Hostile pattern.').length <= MAX_FINDINGS_PER_PATTERN);
      });
    }

    it('rejects what RE2 cannot run in linear time, naming the key, and lints on', () => {
      const output = lint('Buy it now. What do you think?', { patterns: [{ pattern: '(a)\\1', message: 'Backreference.' }, { pattern: '(?=lookahead)', message: 'Lookahead.' }, { pattern: 'now', message: 'Fine.' }] });
      const problems = output.configProblems.map((p) => `${p.key}: ${p.message}`);
      assert.ok(problems.some((p) => p.startsWith('postlint.patterns[0].pattern: cannot be used')), problems.join('\n'));
      assert.ok(problems.some((p) => p.startsWith('postlint.patterns[1].pattern: cannot be used')), problems.join('\n'));
      assert.ok(output.diagnostics.some((d) => d.message === 'Fine.'), 'the valid pattern still runs');
    });

    it(`uses at most ${MAX_PATTERNS} of 10,000 patterns and says so`, () => {
      const patterns = Array.from({ length: 10_000 }, (_, i) => ({ pattern: `word${i}\\b`, message: `Pattern ${i}.` }));
      assert.ok(keys({ patterns }, repeatTo('word1 word9999 ', 50_000)).includes('postlint.patterns'));
    });

    it(`refuses a pattern whose program is over ${MAX_PATTERN_PROGRAM} steps, naming it, and runs the others`, () => {
      const output = lint('ab ab. Buy now. What do you think?', {
        patterns: [
          { pattern: `(?<=${'a?'.repeat(300)})b`, message: 'Lookbehind.' },
          { pattern: '[\\p{L}\\p{N}]{1000}', message: 'Long run.', rewrite: 'x' },
          { pattern: 'Buy now', message: 'Fine.' },
        ],
      });
      const problems = output.configProblems.map((p) => `${p.key}: ${p.message}`);
      assert.ok(problems.some((p) => /^postlint\.patterns\[0\]\.pattern: compiles to a program of \d+ steps/.test(p)), problems.join('\n'));
      assert.ok(problems.some((p) => /^postlint\.patterns\[1\]\.pattern: compiles to a program of \d+ steps/.test(p)), problems.join('\n'));
      assert.ok(output.diagnostics.some((d) => d.message === 'Fine.'));
    });

    it('does not run a costly pattern on a post too long for it, says so, and runs it on short posts', () => {
      const settings = { patterns: [{ pattern: '[\\p{L}\\p{N}]{300}', message: 'Long word.' }] };
      const long = lint(repeatTo('w', 200_000), settings);
      assert.ok(long.configProblems.some((p) => p.key === 'postlint.patterns[0].pattern' && /is not run on posts longer than \d+ characters/.test(p.message)), JSON.stringify(long.configProblems));
      assert.ok(!long.diagnostics.some((d) => d.message === 'Long word.'));
      assert.ok(lint(`${'w'.repeat(300)} What do you think?`, settings).diagnostics.some((d) => d.message === 'Long word.'));
    });

    it(`switches the slowest pattern off for the settings object once the patterns of a lint take over ${PATTERN_BUDGET_MS} ms (a test clock)`, () => {
      // The first pattern's run appears to take 240 ms, the second's 20: together over the budget.
      const ticks = [0, 240, 240, 260];
      setPatternClock(() => ticks.shift() ?? 260);
      try {
        const settings = { patterns: [{ pattern: 'slow', message: 'Slow.' }, { pattern: 'fine', message: 'Fine.' }] };
        const text = 'slow and fine. What do you think?';
        const first = lint(text, settings);
        assert.deepEqual(first.newConfigProblems?.map((p) => p.key), ['postlint.patterns[0].pattern']);
        assert.match(first.newConfigProblems![0].message, /took 240 ms on one post, more than the 250 ms all patterns may take together; it is switched off/);
        const second = lint(text, settings);
        assert.equal(second.newConfigProblems, undefined, 'said once');
        assert.ok(second.configProblems.some((p) => p.key === 'postlint.patterns[0].pattern'), 'still listed with the settings problems');
        assert.ok(!second.diagnostics.some((d) => d.message === 'Slow.'), 'the slow pattern no longer runs');
        assert.ok(second.diagnostics.some((d) => d.message === 'Fine.'), 'the others still do');
        // New settings (a change in the editor) start afresh.
        assert.ok(lint(text, { ...settings }).diagnostics.some((d) => d.message === 'Slow.'));
      } finally {
        setPatternClock();
      }
    });

    it('rejects a pattern of a million characters without compiling it', () => {
      assert.ok(keys({ patterns: [{ pattern: 'a'.repeat(1_000_000), message: 'Huge.' }] }).includes('postlint.patterns[0].pattern'));
    });
  });

  describe('word lists of 100,000 entries', () => {
    const phrases = Array.from({ length: 100_000 }, (_, i) => `hostile phrase ${i}`);

    for (const list of ['hardSelling', 'pressRelease', 'hooks', 'allow'] as const) {
      it(`postlint.words.${list}: only the first ${MAX_LIST_ENTRIES} are used, with a message`, () => {
        const settings = { words: { [list]: phrases } };
        const text = `${repeatTo('We shipped hostile phrase 7 and hostile phrase 99999 today. ', 20_000)}What do you think?`;
        assert.ok(keys(settings, text).some((key) => key.startsWith(`postlint.words.${list}`)), `postlint.words.${list} is named`);
        // The same settings object again: compiled once, linted again.
        assertWellFormed(text, lint(text, settings));
      });
    }

    it('a word-list file of 100,000 entries is bounded the same way', () => {
      const settings: PostlintSettings = { wordLists: ['lists/huge.json'], wordListData: [{ path: 'lists/huge.json', content: { hardSelling: phrases } }] };
      assert.ok(keys(settings).some((key) => key.startsWith('postlint.wordLists[0]') || key.startsWith('postlint.words.hardSelling')));
    });

    it('items of the wrong type are reported a few at a time, not 100,000 times', () => {
      const output = lint('A post.', { words: { hardSelling: Array.from({ length: 100_000 }, (_, i) => i) as unknown as string[] } });
      assert.ok(output.configProblems.length >= 1 && output.configProblems.length <= 20, `${output.configProblems.length} problems`);
    });
  });

  describe('settings of the wrong type', () => {
    for (const settings of [null, 42, 'x', [], true]) {
      it(`${JSON.stringify(settings)} as the whole settings object`, () => {
        assert.deepEqual(keys(settings as unknown as PostlintSettings), ['postlint']);
      });
    }

    it('every key of the wrong type is named, and the post is linted with defaults', () => {
      const settings = { platform: 7, platforms: [], rules: 'all', words: 5, patterns: {}, wordLists: 'lists.json', locale: 9, maxFileSize: -1, debounceMs: 'soon', run: 'sometimes', enable: 'yes', requireDisableReason: 'no' };
      const named = keys(settings as unknown as PostlintSettings);
      for (const key of Object.keys(settings)) assert.ok(named.some((n) => n === `postlint.${key}` || n.startsWith(`postlint.${key}.`) || n.startsWith(`postlint.${key}[`)), `postlint.${key} is not named: ${named.join(', ')}`);
    });
  });
});

import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { lint, resolveConfig, type Diagnostic, type PostlintSettings } from '../../server/src/engine';
import { MAX_FINDINGS_PER_PATTERN } from '../../server/src/engine/patterns';

/** Findings of the test's own patterns, whose messages all start with "Team:". */
function patternFindings(text: string, settings: PostlintSettings): Diagnostic[] {
  return lint(text, settings).diagnostics.filter((d) => d.message.startsWith('Team:'));
}

describe('user patterns (postlint.patterns)', () => {
  it('files findings under formatting/pattern by default, with the message given', () => {
    const text = 'Our app ships today on iOS and android.';
    const [finding, ...rest] = patternFindings(text, { patterns: [{ pattern: '\\bandroid\\b', message: 'Team: write Android with a capital A.' }] });
    assert.equal(rest.length, 0);
    assert.equal(finding.rule, 'formatting/pattern');
    assert.equal(finding.severity, 'warning');
    assert.equal(text.slice(finding.start, finding.end), 'android');
    assert.match(finding.docs, /docs\/rules\/formatting\/pattern\.md$/);
  });

  it('files findings under the rule named, at its severity, and obeys that rule being off', () => {
    const text = 'Spring sale: 30% off everything in the shop this week.';
    const patterns = [{ pattern: '\\d+% off', message: 'Team: no discount talk in posts.', rule: 'hard-selling' }];
    const [finding] = patternFindings(text, { patterns, rules: { 'hard-selling': 'error' } });
    assert.equal(finding.rule, 'hard-selling');
    assert.equal(finding.family, 'hard-selling');
    assert.equal(finding.severity, 'error');
    assert.deepEqual(patternFindings(text, { patterns, rules: { 'hard-selling': 'off' } }), []);
    // `formatting`, a family with no rule of its own name, means formatting/pattern.
    assert.equal(patternFindings(text, { patterns: [{ ...patterns[0], rule: 'formatting' }] })[0].rule, 'formatting/pattern');
  });

  it('offers the rewrite as the preferred fix, with $1 and $<name> from the match', () => {
    const text = 'Save 30% off today.';
    const [finding] = patternFindings(text, { patterns: [{ pattern: '(?P<n>\\d+)% off', message: 'Team: say what they save.', rewrite: '$<n>% less' }] });
    assert.equal(finding.fixes.length, 1);
    assert.equal(finding.fixes[0].preferred, true);
    assert.deepEqual(finding.fixes[0].offsetEdits, [{ start: 5, end: 12, newText: '30% less' }]);
    const [numbered] = patternFindings(text, { patterns: [{ pattern: '(\\d+)% off', message: 'Team: m', rewrite: 'save $1%, $$' }] });
    assert.equal(numbered.fixes[0].offsetEdits[0].newText, 'save 30%, $');
  });

  it('matches what readers see, in UTF-16 offsets of the source (front matter, comments and emoji included)', () => {
    const text = '---\nplatform: weibo\n---\n👨‍👩‍👧 新品<!-- 备注 -->上市，限时抢购！\n';
    const [finding] = patternFindings(text, { patterns: [{ pattern: '新品上市', message: 'Team: 换个说法。' }] });
    assert.equal(finding.start, text.indexOf('新品'));
    assert.equal(finding.end, text.indexOf('上市') + 2);
    // The match runs across a hidden comment, so replacing it would delete the comment: no fix.
    const [noFix] = patternFindings(text, { patterns: [{ pattern: '新品上市', message: 'Team: m', rewrite: '上新' }] });
    assert.deepEqual(noFix.fixes, []);
    const [withFix] = patternFindings(text, { patterns: [{ pattern: '限时抢购', message: 'Team: m', rewrite: '欢迎来看看' }] });
    assert.equal(text.slice(withFix.start, withFix.end), '限时抢购');
    assert.equal(withFix.fixes.length, 1);
  });

  it('rejects a bad pattern by key, with the reason, and keeps the others working', () => {
    const settings: PostlintSettings = {
      patterns: [
        { pattern: '(?=lookahead)', message: 'Team: a' },
        { pattern: '[unclosed', message: 'Team: b' },
        { pattern: 'ok', message: 'Team: c', rule: 'no-such-rule' },
        { pattern: '', message: 'Team: d' },
        { pattern: 'fine', message: '' },
        'not an object',
        { pattern: 'x'.repeat(1001), message: 'Team: e' },
        { pattern: 'works', message: 'Team: f', severity: 'error' },
      ],
    };
    const problems = resolveConfig(settings).problems;
    assert.deepEqual(problems.map((p) => p.key), [
      'postlint.patterns[0].pattern',
      'postlint.patterns[1].pattern',
      'postlint.patterns[2].rule',
      'postlint.patterns[3].pattern',
      'postlint.patterns[4].message',
      'postlint.patterns[5]',
      'postlint.patterns[6].pattern',
      'postlint.patterns[7].severity',
    ]);
    assert.match(problems[0].message, /cannot be used: invalid or unsupported Perl syntax: `\(\?=`\. Patterns use RE2 syntax/);
    assert.match(problems[1].message, /missing closing \]/);
    assert.match(problems[6].message, /at most 1000/);
    const findings = patternFindings('This works.', settings);
    assert.deepEqual(findings.map((f) => f.message), ['Team: f']);
  });

  it('uses at most 200 patterns, saying so', () => {
    const patterns = Array.from({ length: 210 }, (_, i) => ({ pattern: `word${i}\\b`, message: `Team: ${i}` }));
    const config = resolveConfig({ patterns });
    assert.equal(config.patterns.list.length, 200);
    assert.match(config.problems[0].message, /holds 210 patterns; only the first 200 are used/);
    assert.deepEqual(patternFindings('word5 and word205', { patterns }).map((f) => f.message), ['Team: 5']);
  });

  it('reports at most 100 findings per pattern, and none for empty matches', () => {
    const text = 'a '.repeat(500);
    assert.equal(patternFindings(text, { patterns: [{ pattern: 'a', message: 'Team: a' }] }).length, MAX_FINDINGS_PER_PATTERN);
    assert.deepEqual(patternFindings('bbb', { patterns: [{ pattern: 'a*', message: 'Team: empty' }] }), []);
  });

  it('compiles once per settings object', () => {
    const settings: PostlintSettings = { patterns: [{ pattern: 'x', message: 'Team: x' }] };
    const first = resolveConfig(settings).patterns;
    lint('x', settings);
    assert.equal(resolveConfig(settings).patterns, first);
  });

  it('stays linear: (a+)+$ against 100 KB of "a" lints in well under a second', () => {
    const text = 'a'.repeat(100_000);
    const settings: PostlintSettings = { patterns: [{ pattern: '(a+)+$', message: 'Team: catastrophic for a backtracking engine' }, { pattern: '(a|aa)+b', message: 'Team: no match' }] };
    lint('warm up', settings);
    const started = performance.now();
    const findings = patternFindings(text, settings);
    const elapsed = performance.now() - started;
    assert.equal(findings.length, 1);
    assert.equal(findings[0].end - findings[0].start, 100_000);
    assert.ok(elapsed < 1000, `took ${elapsed.toFixed(0)} ms`);
  });
});

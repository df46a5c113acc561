import assert from 'node:assert/strict';
import { lint, type PostlintSettings } from '../../server/src/engine';

// The worked example of docs/configuration.md: settings < word-list files < front matter < directives.
const SETTINGS: PostlintSettings = {
  platform: 'x',
  rules: { 'hard-selling': 'warning', 'formatting/pattern': 'information' },
  words: { hardSelling: [{ phrase: 'act fast', rewrite: 'take a look' }] },
  wordLists: ['lists/brand.yaml'],
  wordListData: [{ path: 'lists/brand.yaml', content: { hardSelling: [{ phrase: 'act fast', rewrite: 'have a look this week' }] } }],
  patterns: [{ pattern: '\\bandroid\\b', message: 'Write Android with a capital A.', rewrite: 'Android' }],
};

const POST = `---
platform: [x, weibo]
postlint:
  rules:
    hard-selling: error
---
Acme Notes 2.0 is out for android. Act fast: the beta closes on Friday.

<!-- postlint-disable-next-line hard-selling -- our partner's own slogan, quoted -->
"Act fast, think slow," as our partner puts it.
`;

describe('precedence: settings < word-list files < front matter < inline directives', () => {
  const { diagnostics, stats, configProblems } = lint(POST, SETTINGS);
  const at = (rule: string) => diagnostics.filter((d) => d.rule === rule).map((d) => ({ line: d.range.start.line, text: POST.slice(d.start, d.end), severity: d.severity, fix: d.fixes[0]?.title }));

  it('reads the settings and the word list without a problem', () => {
    assert.deepEqual(configProblems, []);
  });

  it('front matter picks the platforms, and each is counted', () => {
    assert.deepEqual(stats.platforms.map((p) => p.platform), ['x', 'weibo']);
  });

  it('a setting (the team pattern) applies at the severity settings give it', () => {
    assert.deepEqual(at('formatting/pattern'), [{ line: 6, text: 'android', severity: 'information', fix: "Replace with 'Android'" }]);
  });

  it("the word-list file's rewrite wins over the setting's; front matter raises the severity; the directive silences line 9", () => {
    // "closes on Friday" is a deadline: with the team's "Act fast" it makes two pressures on one line.
    assert.deepEqual(at('hard-selling'), [
      { line: 6, text: 'Act fast', severity: 'error', fix: "Replace with 'Have a look this week'" },
      { line: 6, text: 'closes on Friday', severity: 'error', fix: undefined },
    ]);
    const withoutFrontMatter = lint(POST.replace(/^postlint:[\s\S]*?(?=---)/m, ''), SETTINGS);
    assert.deepEqual(withoutFrontMatter.diagnostics.filter((d) => d.rule === 'hard-selling').map((d) => d.severity), ['warning', 'warning']);
  });

});

describe('front matter', () => {
  it('platform: one or a list, unknown ones named on the key', () => {
    assert.deepEqual(lint('---\nplatform: weibo\n---\nHi.').stats.platforms.map((p) => p.platform), ['weibo']);
    const result = lint('---\nplatform: [x, myspace, X]\n---\nHi.');
    assert.deepEqual(result.stats.platforms.map((p) => p.platform), ['x']);
    const problem = result.diagnostics.find((d) => d.rule === 'formatting/front-matter')!;
    assert.match(problem.message, /platform: unknown platform "myspace"/);
    assert.equal(problem.range.start.line, 1);
  });

  it('postlint.rules in front matter has the shape of the setting and is checked the same way', () => {
    const text = '---\npostlint:\n  rules:\n    no-media: off\n    no-such: off\n  words: [x]\n---\nHi.';
    const result = lint(text);
    assert.ok(!result.diagnostics.some((d) => d.rule === 'no-media'));
    const problems = result.diagnostics.filter((d) => d.rule === 'formatting/front-matter').map((d) => d.message);
    assert.equal(problems.length, 2);
    assert.match(problems[0], /postlint\.words: is not read from front matter/);
    assert.match(problems[1], /postlint\.rules\.no-such: unknown rule or family "no-such"/);
  });
});

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fixAll, lint, type PostlintSettings } from '../..';
import { applyEdits } from '../../fixes';
import { runs } from '../../../../../test/property/arbitraries';

const EN = 'We rebuilt onboarding this quarter and learned a lot about what new teams need. ';
const ZH = '我们花了三个月，把每一条帖子都当成一次对话来写。先听用户在聊什么，再决定自己说什么！';

function lengthFindings(text: string, settings: PostlintSettings = {}) {
  return lint(text, settings).diagnostics.filter((d) => d.rule === 'length');
}

/** Applies the split fix of the first length finding. */
function split(text: string, settings: PostlintSettings = {}): string {
  const [finding] = lengthFindings(text, settings);
  assert.ok(finding, 'expected a length finding');
  const fix = finding.fixes.find((f) => f.title.startsWith('Split'));
  assert.ok(fix, 'expected a split');
  assert.equal(fix.kind, 'suggestion', 'a split is offered, never applied in bulk');
  return applyEdits(text, fix.offsetEdits);
}

const parts = (text: string) => text.split(/\n\n<!-- thread -->\n\n/);
/** The text of a post without thread separators, part numbers and whitespace: what a split must keep. */
// The posts here hold no digits of their own, so every `k/N ` is a part number.
const words = (text: string) => text.replace(/<!-- thread -->/g, ' ').replace(/\d+\/\d+ /g, ' ').replace(/\s+/g, '');

describe('length: threads', () => {
  it('splits an English post at sentence ends into numbered parts that each fit on X', () => {
    const text = `${EN.repeat(8)}What do you think?\n`;
    const fixed = split(text);
    const list = parts(fixed);
    assert.equal(list.length, 3);
    list.forEach((part, i) => {
      assert.ok(part.startsWith(`${i + 1}/3 We rebuilt`), part);
      assert.match(part.trimEnd(), /[.?]$/);
    });
    assert.equal(words(fixed), words(text));
    assert.deepEqual(lengthFindings(fixed), []);
  });

  it('splits Chinese after 。！？ even without spaces, by X\'s weighted count', () => {
    const text = `${ZH.repeat(6)}\n`;
    const fixed = split(text);
    const list = parts(fixed);
    assert.ok(list.length >= 2);
    for (const part of list.slice(0, -1)) assert.match(part, /[。！]$/);
    assert.equal(words(fixed), words(text));
    assert.deepEqual(lengthFindings(fixed), []);
  });

  it('counts each part of a thread on its own, and reports the part that is over', () => {
    const text = `1/2 A short opening.\n\n<!-- thread -->\n\n2/2 ${EN.repeat(4)}`;
    const findings = lengthFindings(text);
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /^Post 2 of 2: 323\/280: the last 43 characters don't fit on X\.$/);
    const { stats } = lint(text, {});
    assert.equal(stats.parts, 2);
    assert.equal(stats.length, 323);
  });

  it('splits the over-long part and renumbers the whole thread', () => {
    const text = `1/2 A short opening.\n\n<!-- thread -->\n\n2/2 ${EN.repeat(6)}`;
    const fixed = split(text);
    assert.deepEqual(
      parts(fixed).map((p) => p.slice(0, 4)),
      ['1/3 ', '2/3 ', '3/3 '],
    );
    assert.equal(words(fixed), words(text));
    assert.deepEqual(lengthFindings(fixed), []);
  });

  it('counts a thread as one post on a platform without threads', () => {
    const text = `---\nplatform: [x, linkedin]\n---\n1/2 ${EN.repeat(3)}\n\n<!-- thread -->\n\n2/2 ${EN.repeat(3)}`;
    const { stats } = lint(text, {});
    const [x, linkedin] = stats.platforms;
    assert.equal(x.parts, 2);
    assert.equal(linkedin.parts, undefined);
    assert.ok(linkedin.length > x.length * 2 - 10);
  });

  it('fits every thread platform the post targets', () => {
    const text = `---\nplatform: [bluesky, x]\n---\n${ZH.repeat(5)}`;
    const findings = lengthFindings(text);
    assert.deepEqual(findings.map((f) => f.platform), ['x']);
    assert.match(findings[0].fixes[0].title, /^Split into a thread of \d+ posts that each fit on Bluesky and X$/);
    assert.equal(fixAll(text, {}, { rule: 'length' }).text, text, 'fix-all never splits');
    assert.deepEqual(lengthFindings(split(text)), []);
  });

  it('splits a post that also goes whole to Weibo without numbers, so the Weibo text gains no 1/2', () => {
    const text = `---\nplatform: [x, weibo]\n---\n${ZH.repeat(4)}\n`;
    const [finding] = lengthFindings(text);
    assert.equal(finding.platform, 'x');
    const fix = finding.fixes.find((f) => f.title.startsWith('Split'))!;
    assert.match(fix.title, /^Split into a thread of 2 posts that each fit on X \(no post numbers: Weibo posts the text whole\)$/);
    const fixed = split(text);
    assert.doesNotMatch(fixed, /\d+\/\d+/);
    assert.equal(words(fixed), words(text));
    assert.deepEqual(lengthFindings(fixed), []);
    const [x, weibo] = lint(fixed, {}).stats.platforms;
    assert.equal(x.parts, 2);
    // Weibo counts the same characters as before the split, plus the paragraph break where the thread splits:
    // the separator itself is never published.
    assert.equal(weibo.length, lint(text, {}).stats.platforms[1].length + 2);
    const zhTitle = lengthFindings(text, { locale: 'zh-CN' })[0].fixes[0].title;
    assert.match(zhTitle, /（不加序号：微博整篇发布）$/);
  });

  it('keeps the writer\'s own numbers when a thread for X and Weibo already has them', () => {
    const text = `---\nplatform: [x, weibo]\n---\n1/2 ${ZH.repeat(4)}\n\n<!-- thread -->\n\n2/2 ${ZH}\n`;
    const fixed = split(text);
    assert.deepEqual(parts(fixed.slice(fixed.indexOf('---\n', 4) + 4)).map((p) => p.slice(0, 4)), ['1/3 ', '2/3 ', '3/3 ']);
  });

  it('keeps images and comments between the parts', () => {
    const text = `${EN.repeat(3)}![A chart](chart.png) <!-- note --> ${EN.repeat(3)}`;
    const fixed = split(text);
    assert.ok(fixed.includes('![A chart](chart.png)'));
    assert.ok(fixed.includes('<!-- note -->'));
    assert.deepEqual(lengthFindings(fixed), []);
  });

  it('cuts a sentence longer than a whole post at a word boundary', () => {
    const text = `${'and then we kept going '.repeat(20)}until the end.`;
    const fixed = split(text);
    for (const part of parts(fixed)) assert.match(part.trimEnd(), /(^|\s)(and|then|we|kept|going|end\.)$/, part);
    assert.equal(words(fixed), words(text));
    assert.deepEqual(lengthFindings(fixed), []);
  });

  it('offers no split when the number alone would not fit, or the thread would pass 25 posts', () => {
    const tiny = lengthFindings(EN, { platforms: { x: { limit: 4 } } });
    assert.equal(tiny.length, 1);
    assert.deepEqual(tiny[0].fixes, []);
    const huge = lengthFindings(EN.repeat(100));
    assert.deepEqual(huge[0].fixes, []);
  });

  it('only counts a separator alone on its line and outside code', () => {
    const inline = `${EN.repeat(2)}<!-- thread --> ${EN.repeat(2)}`;
    assert.equal(lint(inline, {}).stats.parts, undefined);
    const fenced = `${EN}\n\n\`\`\`\n<!-- thread -->\n\`\`\`\n\n${EN}`;
    assert.equal(lint(fenced, {}).stats.parts, undefined);
  });

  it('keeps CRLF line endings in the separators it inserts', () => {
    const text = `---\r\nplatform: x\r\n---\r\n${EN.repeat(5)}\r\n`;
    const fixed = split(text);
    assert.match(fixed, /\r\n\r\n<!-- thread -->\r\n\r\n2\/2 /);
    assert.doesNotMatch(fixed.replace(/\r\n/g, ''), /\n/);
  });

  it('splits any text into parts that keep every character, on code point boundaries, and fit', () => {
    const fragment = fc.constantFrom(EN, ZH, 'Short. ', '汉字', '😀', '👨‍👩‍👧‍👦', 'https://example.com/a/very/long/path?with=query ', '\uffff', '\ud800', '\n', '\n\n', ' ', '，', 'word ', '<!-- thread -->', '\n<!-- thread -->\n', '![x](x.png)');
    const platform = fc.constantFrom('x', 'bluesky', 'threads', 'mastodon', ['x', 'bluesky']);
    fc.assert(
      fc.property(fc.array(fragment, { minLength: 1, maxLength: 60 }), platform, (fragments, platform) => {
        const text = `---\nplatform: ${JSON.stringify(platform)}\n---\n${fragments.join('')}`;
        for (const finding of lengthFindings(text)) {
          for (const fix of finding.fixes) {
            for (const edit of fix.offsetEdits) {
              for (const offset of [edit.start, edit.end]) {
                const splitsPair = /[\ud800-\udbff]/.test(text[offset - 1] ?? '') && /[\udc00-\udfff]/.test(text[offset] ?? '');
                assert.ok(!splitsPair, `edit at ${offset} splits a surrogate pair`);
              }
            }
            const fixed = applyEdits(text, fix.offsetEdits);
            assert.equal(words(fixed), words(text));
          }
        }
        const once = fixAll(text, {}, { rule: 'length' }).text;
        assert.equal(words(once), words(text));
        assert.equal(fixAll(once, {}, { rule: 'length' }).passes, 0);
      }),
      { numRuns: runs(300) },
    );
  });
});

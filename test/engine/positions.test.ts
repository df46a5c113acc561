import assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { LineIndex, snapToCodePoint } from '../../server/src/engine/parse/lines';
import { parsePost } from '../../server/src/engine/parse/post';

describe('positions are LSP positions: UTF-16 code units, three kinds of line break', () => {
  it('maps offsets across LF, CRLF and lone CR', () => {
    const lines = new LineIndex('a\nb\r\nc\rd');
    assert.deepEqual(lines.positionAt(2), { line: 1, character: 0 });
    assert.deepEqual(lines.positionAt(5), { line: 2, character: 0 });
    assert.deepEqual(lines.positionAt(7), { line: 3, character: 0 });
    assert.equal(lines.offsetAt({ line: 1, character: 99 }), 3);
  });

  it('never splits a surrogate pair', () => {
    const text = 'a😀b';
    assert.equal(snapToCodePoint(text, 2), 1);
    assert.equal(snapToCodePoint(text, 3), 3);
  });

  it('keeps offsets right after a BOM and CRLF front matter', () => {
    const text = '\ufeff---\r\nplatform: bluesky\r\n---\r\n' + '字'.repeat(305);
    const { diagnostics } = lint(text, {});
    const length = diagnostics.find((d) => d.rule === 'length')!;
    assert.deepEqual(length.range.start, { line: 3, character: 300 });
    assert.equal(text.slice(length.start, length.end), '字'.repeat(5));
  });

  it('reports a broken front matter on its line and still lints the body', () => {
    const text = '---\nplatform: [x\n---\n' + 'word '.repeat(80);
    const { diagnostics } = lint(text, {});
    const broken = diagnostics.find((d) => d.rule === 'formatting/front-matter')!;
    assert.equal(broken.range.start.line, 1);
    assert.ok(diagnostics.some((d) => d.rule === 'length'));
  });

  it('names an unknown platform in front matter and falls back to the setting', () => {
    const { diagnostics, stats } = lint('---\nplatform: myspace\n---\nhello', { platform: 'weibo' });
    const problem = diagnostics.find((d) => d.rule === 'formatting/front-matter')!;
    assert.match(problem.message, /unknown platform "myspace"/);
    assert.equal(problem.range.start.line, 1);
    assert.equal(stats.platform, 'weibo');
  });

  it('lints against every platform a list names and says which one each finding is for', () => {
    const text = `---\nplatform: [x, weibo]\n---\n${'字'.repeat(200)}`;
    const { diagnostics, stats } = lint(text, {});
    assert.deepEqual(stats.platforms.map((p) => p.platform), ['x', 'weibo']);
    assert.equal(diagnostics.find((d) => d.rule === 'length')!.platform, 'x');
    assert.equal(diagnostics.find((d) => d.rule === 'length/fold')!.platform, 'weibo');
  });

  it('publishes link text and bare URLs but not images, comments or front matter', () => {
    const post = parsePost('---\na: 1\n---\nHi <!-- hidden --> [docs](https://x.y) https://a.b ![img](i.png)\n');
    assert.equal(post.published.text, 'Hi  [docs](https://x.y) https://a.b');
  });
});

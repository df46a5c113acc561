import assert from 'node:assert/strict';
import { countText, lint } from '../../server/src/engine';
import { measure } from '../../server/src/engine/count/measure';
import { PLATFORMS } from '../../server/src/engine/count/platforms';

describe('counting in each platform\'s own units', () => {
  it('Weibo: ASCII 1 byte, other code units 2, an http(s) URL 20 bytes, ceil(bytes / 2)', () => {
    assert.equal(countText('你好', 'weibo')!.length, 2);
    assert.equal(countText('abc', 'weibo')!.length, 2); // 3 bytes → 2 字
    assert.equal(countText('你好 https://example.com/a?b=1', 'weibo')!.length, 13); // 4 + 1 + 20 = 25 → 13
    assert.equal(countText('😀', 'weibo')!.length, 2); // a surrogate pair: two code units, 4 bytes
  });

  it('graphemes: a ZWJ family, a flag and a combining mark are one each', () => {
    assert.equal(countText('👨‍👩‍👧🇨🇳é', 'threads')!.length, 3);
    assert.equal(countText('汉字', 'bluesky')!.length, 2);
  });

  it('Mastodon: every URL 23, whatever its length', () => {
    assert.equal(countText('see https://example.com/a/very/long/path/that/goes/on', 'mastodon')!.length, 4 + 23);
  });

  it('X: CJK weighs 2, URLs 23, emoji 2', () => {
    assert.equal(countText('你好 https://example.com 👨‍👩‍👧', 'x')!.length, 4 + 1 + 23 + 1 + 2);
  });

  it('offsetAtCount finds the first character that does not fit, in every counting method', () => {
    for (const id of Object.keys(PLATFORMS)) {
      const text = `${'汉'.repeat(10)}${'a'.repeat(10)}`;
      const m = measure(text, PLATFORMS[id]);
      const cut = m.offsetAtCount(m.length - 1);
      assert.ok(cut < text.length && cut > 0, `${id}: ${cut}`);
      assert.ok(measure(text.slice(0, cut), PLATFORMS[id]).length <= m.length - 1, id);
      assert.equal(m.offsetAtCount(m.length), text.length, id);
    }
  });

  it('counts only the published text: no front matter, images or comments', () => {
    const plain = lint('Hello world', { platform: 'bluesky' }).stats.length;
    const decorated = lint('---\nplatform: bluesky\n---\n<!-- note to self -->\nHello ![a cat](cat.png)world\n', {}).stats.length;
    assert.equal(plain, 11);
    assert.equal(decorated, 11); // "Hello " + "world": the comment line and the image are not published
  });

  it('platform overrides from settings change limit and fold', () => {
    const { stats } = lint('你好', { platform: 'weibo', platforms: { weibo: { limit: 140, fold: null } } });
    assert.equal(stats.limit, 140);
    assert.equal(stats.fold, undefined);
  });
});

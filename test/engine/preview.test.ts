import assert from 'node:assert/strict';
import { lint, resolveConfig } from '../../server/src/engine';
import { displayLink, previewPost, type PreviewCard, type PreviewSegment } from '../../server/src/engine/preview';
import { escapeHtml, renderCards, renderPreviewDocument } from '../../server/src/engine/preview/html';

const ZH = '我们花了三个月，把每一条帖子都当成一次对话来写。先听用户在聊什么，再决定自己说什么！';

function card(text: string, platform: string, options: Parameters<typeof previewPost>[2] = {}): PreviewCard {
  const model = previewPost(text, {}, { ...options, platforms: [platform] });
  assert.equal(model.cards.length, 1);
  return model.cards[0];
}

const kinds = (segments: PreviewSegment[]) => segments.filter((s) => s.kind !== 'text').map((s) => `${s.kind}:${s.text}`);
const shownText = (segments: PreviewSegment[]) => segments.map((s) => s.text).join('');

describe('preview model', () => {
  it('cuts the text into hashtags, mentions and links as each feed styles them', () => {
    const text = 'Launch day for #postlint with @alice and #产品发布# see https://www.example.com/blog/launch-post-details';
    assert.deepEqual(kinds(card(text, 'x').parts[0].segments), ['hashtag:#postlint', 'mention:@alice', 'hashtag:#产品发布#', 'link:example.com/blog/launch-po…']);
    // Weibo links only its paired topics, and shows every link as its short link.
    assert.deepEqual(kinds(card(text, 'weibo').parts[0].segments), ['mention:@alice', 'hashtag:#产品发布#', 'link:网页链接']);
    const bluesky = card(text, 'bluesky').parts[0].segments.find((s) => s.kind === 'link')!;
    assert.equal(bluesky.text, 'example.com/blog/launch-...');
    assert.equal(bluesky.href, 'https://www.example.com/blog/launch-post-details');
    // Instagram leaves URLs in captions unlinked.
    assert.equal(card(text, 'instagram').parts[0].segments.find((s) => s.kind === 'link')!.href, undefined);
  });

  it('shortens links the way each feed displays them', () => {
    assert.equal(displayLink('https://dev.twitter.com/blog/twitter-cards', 'x').text, 'dev.twitter.com/blog/twitter-c…');
    assert.equal(displayLink('https://example.com/a', 'x').text, 'example.com/a');
    assert.equal(displayLink('https://www.joinmastodon.org/apps/and/more/paths', 'mastodon').text, 'joinmastodon.org/apps/and/more…');
    assert.equal(displayLink('https://example.com/a', 'linkedin').text, 'https://example.com/a');
  });

  it('marks the Markdown the feed prints raw, and keeps source offsets on every segment', () => {
    const text = '---\nplatform: x\n---\n## Big news\n\nWe shipped **bold** things today, friends.\n';
    const x = card(text, 'x');
    assert.deepEqual(kinds(x.parts[0].segments), ['markdown:## ', 'markdown:**', 'markdown:**']);
    for (const segment of x.parts[0].segments) {
      assert.ok(segment.start < segment.end, JSON.stringify(segment));
      assert.equal(text.slice(segment.start, segment.end), segment.text);
    }
    assert.ok(x.findings.some((f) => f.rule === 'formatting/markdown' && f.marked));
    const marked = x.parts[0].segments.filter((s) => s.finding !== undefined).map((s) => x.findings[s.finding!].rule);
    assert.ok(marked.includes('formatting/markdown'));
  });

  it('folds Weibo at 140 字 and LinkedIn at 210 characters, with the rest marked as folded', () => {
    const weibo = card(ZH.repeat(5), 'weibo').parts[0];
    assert.equal(weibo.fold, 140);
    const before = weibo.segments.filter((s) => !s.folded).map((s) => s.text).join('');
    assert.equal(before.length, 140, 'each Chinese character is one 字');
    assert.ok(weibo.segments.some((s) => s.folded));
    assert.equal(shownText(weibo.segments), ZH.repeat(5));

    const english = 'We rebuilt onboarding this quarter and learned a lot about what new teams need. '.repeat(4).trim();
    const linkedin = card(english, 'linkedin').parts[0];
    assert.equal(linkedin.fold, 210);
    assert.equal(linkedin.segments.filter((s) => !s.folded).map((s) => s.text).join('').length, 210);
    assert.equal(card('Short post.', 'linkedin').parts[0].fold, undefined);
    // X does not fold: a post over its limit is marked past the limit instead.
    const x = card('a'.repeat(300), 'x').parts[0];
    assert.equal(x.fold, undefined);
    assert.equal(x.segments.filter((s) => s.over).map((s) => s.text).join('').length, 20);
  });

  it('shows a thread as one part per post, numbered and counted, on platforms that thread', () => {
    const text = '1/3 First part.\n\n<!-- thread -->\n\n2/3 Second part.\n\n<!-- thread -->\n\n3/3 Third part, 第三。\n';
    const x = card(text, 'x');
    assert.deepEqual(x.parts.map((p) => `${p.index}/${p.total}`), ['1/3', '2/3', '3/3']);
    assert.deepEqual(x.parts.map((p) => shownText(p.segments)), ['1/3 First part.', '2/3 Second part.', '3/3 Third part, 第三。']);
    assert.deepEqual(x.parts.map((p) => p.count), [15, 16, 22]);
    // LinkedIn has no threads: the post goes out whole.
    assert.equal(card(text, 'linkedin').parts.length, 1);
  });

  it('attaches media to their part: existing files, missing ones with their alt text, remote images, video links', () => {
    const text = [
      'Look at this https://youtu.be/abc123',
      '![the dashboard](images/a.png)',
      '![a chart](images/gone.png)',
      '<img src="https://example.com/x.png" alt="remote">',
      '<!-- thread -->',
      '2/2 More ![b](images/b.png) ![c](images/b.png) ![d](images/b.png) ![e](images/b.png) ![f](images/b.png)',
    ].join('\n');
    const exists = (src: string) => src !== 'images/gone.png';
    const x = card(text, 'x', { mediaExists: exists });
    assert.deepEqual(x.parts[0].media.map((m) => `${m.kind}:${m.src}:${m.alt}`), ['video:https://youtu.be/abc123:', 'image:images/a.png:the dashboard', 'missing:images/gone.png:a chart', 'remote:https://example.com/x.png:remote']);
    assert.equal(x.parts[1].media.length, 5);
    assert.equal(x.parts[1].shown, 4, 'X shows four images');
    assert.equal(card(text, 'weibo', { mediaExists: exists }).parts[0].shown, 9);
  });

  it('lists findings on hidden text without marking them, and length findings only on their platform', () => {
    const text = `---\nplatform: [x, weibo]\ntitel: oops\n---\n${ZH.repeat(4)}\n`;
    const output = lint(text);
    const model = previewPost(text, {}, { lint: output });
    assert.deepEqual(model.cards.map((c) => c.platform), ['x', 'weibo']);
    const [x, weibo] = model.cards;
    assert.ok(x.findings.some((f) => f.rule === 'length' && f.marked), 'the X card marks what does not fit');
    assert.ok(!weibo.findings.some((f) => f.rule === 'length'), 'Weibo takes 2,000 字');
    for (const c of model.cards) {
      for (const f of c.findings) if (f.start < text.indexOf('---\n', 4)) assert.equal(f.marked, false, `${f.rule} is on the front matter`);
    }
  });

  it('takes the account from postlint.preview.account, placeholders otherwise, and names a bad key', () => {
    assert.deepEqual(previewPost('Hi', { preview: { account: { name: 'Ada', handle: '@ada' } } }).account, { name: 'Ada', handle: 'ada' });
    assert.deepEqual(previewPost('你好', { locale: 'zh-CN' }).account, { name: '你的名字', handle: 'yourhandle' });
    const problems = resolveConfig({ preview: { account: { name: 3, avatar: 'x' } } }).problems.map((p) => p.key);
    assert.deepEqual(problems.sort(), ['postlint.preview.account.avatar', 'postlint.preview.account.name']);
  });
});

describe('preview HTML', () => {
  it('carries the data attributes of the contract and escapes everything from the draft', () => {
    const text = '---\nplatform: [weibo]\n---\n<b>"hi"</b> & <i>you</i> ' + ZH.repeat(4) + '\n\n![alt "quoted" <x>](missing.png)\n';
    const model = previewPost(text, { preview: { account: { name: '<Ada & "Co">', handle: 'ada' } } }, { title: '<t>.post.md' });
    const html = renderPreviewDocument([model], { host: 'standalone' });
    assert.ok(!html.includes('<b>') && !html.includes('<i>') && !html.includes('<t>') && !html.includes('<Ada'));
    assert.ok(html.includes('&lt;b&gt;&quot;hi&quot;&lt;/b&gt; &amp; &lt;i&gt;'));
    assert.ok(html.includes(escapeHtml('<Ada & "Co">')));
    assert.match(html, /data-platform="weibo"/);
    assert.match(html, /data-part="1\/1"/);
    assert.match(html, /data-fold="140"/);
    assert.match(html, /data-media="missing"/);
    assert.match(html, /data-rule="/);
    assert.ok(!/<script/i.test(html), 'the standalone page has no script');
    assert.match(html, /Content-Security-Policy" content="default-src &#39;none&#39;/);
  });

  it('speaks the message language: Chinese chrome for zh-CN', () => {
    const html = renderCards(previewPost(ZH.repeat(2), { locale: 'zh-CN', platform: 'weibo' }), { host: 'webview' });
    assert.match(html, /个问题/);
    assert.match(html, /字/);
    const en = renderCards(previewPost('Hello there', { platform: 'x' }), { host: 'webview' });
    assert.match(en, /findings?</);
  });
});

import { fixAll } from '../..';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { PostlintSettings } from '../..';
import { ruleFindings } from '../../../../../test/helpers/ruleFindings';
import { applyEdits, preferredEdits } from '../../fixes';
import { document, runs, seedOption } from '../../../../../test/property/arbitraries';

const RULE = 'no-media';
const { findings, flagged } = ruleFindings(RULE);

describe('no-media', () => {
  describe('finds posts with nothing to look at', () => {
    it('reports once, on the first word the reader sees, as information', () => {
      const text = '---\nplatform: x\n---\n\nFirst line of the post. <!-- a note -->\nSecond line.\n';
      const [finding, ...rest] = findings(text);
      assert.equal(rest.length, 0);
      assert.equal(text.slice(finding.start, finding.end), 'First');
      assert.equal(finding.severity, 'information');
      assert.equal(finding.range.start.line, 4);
    });

    it('speaks the message locale', () => {
      const text = '今天的分享就到这里。';
      assert.match(findings(text, { locale: 'zh-CN' })[0].message, /图片/);
      assert.match(findings(text, { locale: 'en' })[0].message, /image/);
    });

    it('stays silent on an empty body or a post that is only front matter', () => {
      for (const text of ['', '\n\n', '---\nplatform: weibo\n---\n', '---\nplatform: weibo\n---\n\n<!-- draft -->\n']) {
        assert.equal(flagged(text), false, JSON.stringify(text));
      }
    });
  });

  describe('accepts every way of attaching media', () => {
    const attached: Record<string, string> = {
      'Markdown image': 'Our new office.\n\n![The office](office.jpg)\n',
      'img tag': 'Our new office. <img src="office.jpg">',
      'video tag': '<video src="tour.mp4"></video>\n\nA tour of the office.',
      'audio tag': 'Listen to the podcast. <audio src="ep1.mp3"></audio>',
      'YouTube link': 'Watch the tour: https://www.youtube.com/watch?v=abc123',
      'youtu.be link': 'Watch the tour: youtu.be/abc123',
      'Vimeo link': 'Watch the tour: https://vimeo.com/12345',
      'Bilibili link': '看看我们的办公室：https://www.bilibili.com/video/BV1xx411c7mD',
      'b23.tv link': '看看我们的办公室：b23.tv/aBcDe',
      'Weibo video link': '看看我们的办公室：https://weibo.com/tv/show/1034:123',
      'video.weibo.com link': '看看我们的办公室：video.weibo.com/show?fid=1034:123',
      'Douyin link': '看看我们的办公室：https://v.douyin.com/iRk2aBc/',
      'TikTok link': 'Office tour: https://www.tiktok.com/@acme/video/123',
      'Tencent Video link': '预告片先看：https://v.qq.com/x/page/k3512abcd9x.html',
      'WeChat Channels link': '直播回放：https://channels.weixin.qq.com/web/pages/feed?eid=abc',
      'Kuaishou link': '看看我们的办公室：https://v.kuaishou.com/aBcDe',
      'Facebook video link': 'Office tour: https://fb.watch/abc123/',
      'media: in front matter': '---\nmedia:\n  - office.jpg\n---\nOur new office.',
      'image: in front matter': '---\nimage: office.jpg\n---\nOur new office.',
      'images: in front matter': '---\nimages: [office.jpg]\n---\nOur new office.',
      'video: in front matter': '---\nvideo: tour.mp4\n---\nOur new office.',
    };
    for (const [name, text] of Object.entries(attached)) {
      it(name, () => assert.equal(flagged(text), false));
    }
  });

  describe('is not fooled by look-alikes', () => {
    const bare: Record<string, string> = {
      'blank front-matter values': '---\nimage: ""\nimages: []\nvideo:\nmedia: [""]\n---\nOur new office.',
      'a host that only ends like a video site': 'Read it on notyoutube.com/post',
      'a host that continues past a video site': 'Read it on youtube.com.example.org/post',
      'weibo.com outside /tv': '看看我们的主页：weibo.com/acme',
      'a path that only starts like /tv': '看看：weibo.com/tvshows',
      'a video link inside a comment, which is not published': 'Our new office. <!-- https://youtu.be/abc -->',
      'an image inside a code block': 'How to embed:\n\n```\n![alt](pic.png)\n```\n',
    };
    for (const [name, text] of Object.entries(bare)) {
      it(name, () => assert.equal(flagged(text), true));
    }
  });

  describe('options', () => {
    it('videoHosts adds a team video site and replaces the list', () => {
      const text = 'The tour: https://media.acme.example/v/42';
      assert.equal(flagged(text), true);
      assert.equal(flagged(text, { rules: { 'no-media': { videoHosts: ['media.acme.example/v'] } } }), false);
      assert.equal(flagged('https://youtu.be/abc', { rules: { 'no-media': { videoHosts: ['media.acme.example'] } } }), true);
    });

    it('frontMatterKeys names the keys a publishing tool reads, and the fix writes the first', () => {
      const settings: PostlintSettings = { rules: { 'no-media': { frontMatterKeys: ['cover'] } } };
      assert.equal(flagged('---\ncover: hero.jpg\n---\nOur new office.', settings), false);
      assert.equal(flagged('---\nimage: hero.jpg\n---\nOur new office.', settings), true);
      const text = '---\nplatform: x\n---\nOur new office.';
      const fix = findings(text, settings)[0].fixes[1];
      const fixed = applyEdits(text, fix.offsetEdits);
      assert.equal(fixed, '---\nplatform: x\ncover:\n  - image.png\n---\nOur new office.');
      assert.equal(flagged(fixed, settings), false);
    });
  });

  describe('fixes', () => {
    const posts: Record<string, string> = {
      'English, no trailing line break': 'We opened a second shop.',
      'English with front matter and a trailing comment': '---\nplatform: x\n---\nWe opened a second shop.\n<!-- ignore: length -->\n',
      'Chinese, CRLF': '我们开了第二家店。\r\n\r\n地址在文三路。\r\n',
      'ends in a list': '我们开了第二家店：\n\n- 文三路\n- 天目山路\n',
      'ends in a block quote': 'What a customer wrote:\n\n> Best coffee in town.\n',
    };

    for (const [name, text] of Object.entries(posts)) {
      it(`the image suggestion clears the finding; fix-all never adds it: ${name}`, () => {
        const first = findings(text);
        assert.equal(first.length, 1);
        assert.ok(first[0].fixes.every((f) => f.kind === 'suggestion' && !f.preferred));
        const image = first[0].fixes[0];
        assert.ok(image.offsetEdits.every((e) => e.start === e.end), 'only inserts');
        assert.equal(fixAll(text, {}, { rule: RULE }).passes, 0);
        const fixed = applyEdits(text, image.offsetEdits);
        assert.ok(fixed.startsWith(text.replace(/\s+$/, '')), 'the post is kept as written');
        assert.equal(findings(fixed).length, 0);
      });
    }

    it('writes the placeholder in the language of the post and keeps the line breaks', () => {
      const zh = '我们开了第二家店。\r\n';
      assert.equal(applyEdits(zh, findings(zh)[0].fixes[0].offsetEdits), '我们开了第二家店。\r\n\r\n![描述这张图](image.png)\r\n');
      const en = 'We opened a second shop.';
      assert.equal(applyEdits(en, findings(en)[0].fixes[0].offsetEdits), 'We opened a second shop.\n\n![Describe the image](image.png)');
    });

    it('the front-matter fix creates front matter when there is none, after a BOM', () => {
      const text = '\uFEFFWe opened a second shop.\n';
      const fix = findings(text)[0].fixes[1];
      assert.equal(fix.preferred, false);
      const fixed = applyEdits(text, fix.offsetEdits);
      assert.equal(fixed, '\uFEFF---\nmedia:\n  - image.png\n---\nWe opened a second shop.\n');
      assert.equal(findings(fixed).length, 0);
    });

    it('the front-matter fix adds media: before the closing fence', () => {
      const text = '---\r\nplatform: weibo\r\n---\r\n我们开了第二家店。\r\n';
      const fixed = applyEdits(text, findings(text)[0].fixes[1].offsetEdits);
      assert.equal(fixed, '---\r\nplatform: weibo\r\nmedia:\r\n  - image.png\r\n---\r\n我们开了第二家店。\r\n');
      assert.equal(findings(fixed).length, 0);
    });

    it('no front-matter fix when it would duplicate a blank media: key or the YAML is broken', () => {
      assert.equal(findings('---\nmedia:\n---\nText.')[0].fixes.length, 1);
      assert.equal(findings('---\nplatform: [x\n---\nText.')[0].fixes.length, 1);
    });

    it('no image fix when the post ends inside an unclosed code fence, where the image would be code', () => {
      const [fix, ...rest] = findings('---\nplatform: x\n---\nInstall it:\n\n```sh\nnpm i acme\n')[0].fixes;
      assert.equal(rest.length, 0);
      assert.equal(fix.kind, 'suggestion');
      assert.match(fix.offsetEdits[0].newText, /^media:/);
    });
  });

  it('on arbitrary posts, fix-all adds nothing and the first suggestion only inserts and clears the finding', () => {
    fc.assert(
      fc.property(document, (text) => {
        const found = findings(text);
        assert.deepEqual(preferredEdits({ diagnostics: found }, RULE), [], 'fix-all adds no placeholder');
        const first = found.flatMap((d) => d.fixes.slice(0, 1));
        if (first.length === 0) return;
        assert.ok(first.every((f) => f.offsetEdits.every((e) => e.start === e.end)), 'only inserts');
        assert.deepEqual(findings(applyEdits(text, first[0].offsetEdits)), []);
      }),
      { numRuns: runs(200), ...seedOption() },
    );
  });
});

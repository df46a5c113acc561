import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint, type PostlintSettings } from '../..';
import { ruleFindings } from '../../../../../test/helpers/ruleFindings';
import { closingQuestions, postKind } from './templates';
import { applyEdits } from '../../fixes';
import { fixAll } from '../..';
import { document, runs, seedOption } from '../../../../../test/property/arbitraries';

const RULE = 'no-hook';
const { findings, flagged } = ruleFindings(RULE);

describe('no-hook', () => {
  describe('finds posts that give the reader nothing to answer', () => {
    it('reports once, on the last word of the last paragraph, as a warning', () => {
      const text = '---\nplatform: x\n---\nOur shop opens on Monday.\n\nWe are at 12 High Street,\nnext to the station. <!-- ignore: length -->\n';
      const [finding, ...rest] = findings(text);
      assert.equal(rest.length, 0);
      assert.equal(text.slice(finding.start, finding.end), 'station');
      assert.equal(finding.severity, 'warning');
    });

    it('speaks the message locale', () => {
      const text = '新店周一开业。';
      assert.match(findings(text, { locale: 'zh-CN' })[0].message, /读者/);
      assert.match(findings(text, { locale: 'en' })[0].message, /[Rr]eaders/);
    });

    it('stays silent on an empty body or a post that is only front matter', () => {
      for (const text of ['', '---\nplatform: weibo\n---\n', '---\nplatform: weibo\n---\n<!-- draft -->\n', '![Only a photo](shop.jpg)\n']) {
        assert.equal(flagged(text), false, JSON.stringify(text));
      }
    });
  });

  describe('a question to the reader is a hook', () => {
    const asking: Record<string, string> = {
      'English question mark': 'Our shop opens on Monday. Will we see you there?',
      'full-width question mark': '新店周一开业，你会来吗？',
      'question in a list item': 'Three things we changed:\n\n- the menu\n- the hours\n- which one did you notice?\n',
      'question in a heading': '## Which flavour should we make next?\n\nWe have room for one more.',
      'question after a quotation': '他说：“这能行吗？”我们想知道，你怎么看？',
      'question mark that ends a link': 'Is the answer in https://example.org/faq?',
      'question followed by a request for help, not an answer': '叶子边缘发黄，是不是浇水太勤了？有经验的姐妹帮我看看。',
      'question followed by a welcome, not an answer': '我们组在招运营，坐标杭州。身边有做这行的朋友吗？欢迎推荐。',
      'an A-not-A question followed by a condition, not an answer': '这两个颜色好不好看？好看的话我就两个都拿下了。',
      'a why-question followed by an invitation': 'Why do you still print your boarding pass? Tell us your reason below.',
      'a why-question that ends the post': 'Our new bread is out. Why is sourdough so addictive?',
    };
    for (const [name, text] of Object.entries(asking)) {
      it(name, () => assert.equal(flagged(text), false));
    }
  });

  describe('questions that are not asked of the reader', () => {
    const notAsking: Record<string, string> = {
      'an A-not-A question answered with A': '凌晨四点去海边看日出，值不值？值。太阳跳出来那一下，困意全没了。',
      'an A-not-A question answered with not-A': '路过健身房又被推销年卡，要不要办？不要。',
      'a why-question the next sentence answers': "Why does your sourdough collapse in the oven? Nine times out of ten it's overproofing.",
      '为什么 answered by the next sentence': '为什么你的绿萝叶子总发黄？多半是浇水太勤，根泡烂了。',
      'in curly quotes': '他说：“这能行吗？”后来真的行了。',
      'in corner brackets': '老板问「为什么没人回复？」，我们开始重新写文案。',
      'in straight quotes': 'A customer asked "is it vegan?" and now it is.',
      'in a block quote': '> Why does nobody reply to us?\n\nThat was our question a year ago. Now we listen first.',
      'in a nested block quote': '> > Why?\n> Because.\n\nWe fixed it.',
      'in a link query': 'Our report is out: https://example.org/r?utm_source=x&utm_medium=social',
      'in a link query inside Chinese text': '报告在这里https://example.org/r?id=42，欢迎阅读全文。',
      'in a bare-host link': 'The report: example.org/r?id=42 has the numbers.',
      'in a code block': 'Run this:\n\n```\ncurl example.org/api?x=1\nwhy?\n```\n',
      'in a comment': 'We fixed it. <!-- should we ask something? -->',
    };
    for (const [name, text] of Object.entries(notAsking)) {
      it(name, () => assert.equal(flagged(text), true));
    }
  });

  describe('a reply or a repost is already a conversation', () => {
    const replying: Record<string, string> = {
      'reply to a handle': '@ana thanks, it is fixed now.',
      'public reply': '.@ana congratulations on the award.',
      'Weibo reply': '回复@小王：已经修好了。',
      'full-width at sign': '＠小王 已经修好了。',
      'retweet with comment': 'Well done, team! RT @ana: we planted forty trees today',
      'modified tweet': 'Proud of this. MT @ana we planted forty trees',
      'Weibo repost chain': '说得太对了//@小王:今天我们种了四十棵树',
    };
    for (const [name, text] of Object.entries(replying)) {
      it(name, () => assert.equal(flagged(text), false));
    }

    it('not a mention in passing, or an address that is not a handle', () => {
      assert.equal(flagged('Thanks to @ana for the photos.'), true);
      assert.equal(flagged('Write to press@acme.example for the full report.'), true);
      assert.equal(flagged('ART @ the museum opens today.'), true);
    });
  });

  describe('an invitation to respond is a hook', () => {
    const inviting: Record<string, string> = {
      欢迎留言: '新版本上线了，用下来有什么问题欢迎留言。',
      评论区: '新版本上线了，使用感受可以写在评论区。',
      说说你: '新版本上线了，说说你最想要的功能吧。',
      'let us know': 'The new version is out. Let us know how it works for you.',
      'tell us': 'The new version is out. Tell us what you would change.',
      'share yours': 'Here is our desk setup. Share yours!',
      'which one would you': 'Two new flavours, and which one would you pick first.',
      问我: '我们在招一位UI设计师，想了解作品集要求的，直接私聊问我就好。',
      留言给我们: '二楼的绘本区重新整理好了。想找哪类书，可以留言给我们。',
      在下面留言: '周六社区义诊。行动不便的老人，请在下面留言写上地址，我们派医生上门。',
      'say hi below': 'Meet Priya, our new hygienist. Say hi below!',
      'give him a welcome below': 'Meet Tom, our new head gardener. Give him a warm welcome below!',
      讲一件你: '讲一件你最近被治愈的小事。我先来：楼下早餐店老板多塞给我一个茶叶蛋。',
      我先来: '小时候最怕的一道菜是什么？我先来：苦瓜。',
      'rate it out of 10': 'Third attempt at a rosetta this morning. Rate the latte art out of 10 below, be honest.',
      'comment a keyword': 'I turned my onboarding checklist into a one-page PDF.\n\nComment "GUIDE" and I\'ll send it to you.',
      有什么想问的留言: '科目三一次过！还在练车的朋友有什么想问的，留言我都会回。',
    };
    for (const [name, text] of Object.entries(inviting)) {
      it(name, () => assert.equal(flagged(text), false));
    }

    it('not when the invitation is quoted from someone else', () => {
      assert.equal(flagged('> Let us know what you think.\n\nThat line ended every post we wrote in 2019.'), true);
      assert.equal(flagged('楼下面馆门口贴着“欢迎留言提意见”，结果留言本第一页就是我去年写的。'), true);
      assert.equal(flagged('青禾笔记今日上线夜间模式。“用户告诉我们，晚上写日记时屏幕太亮。”产品负责人王磊说。'), true);
    });

    it('not when the comments only hold a link: a pointer asks for no answer', () => {
      const pointing = [
        'Our spring talk is on Thursday at 4pm. Registration link in the comments.',
        'The Riverside 5K is back on 14 June. Route map and entry details below 👇',
        '周四晚上八点线上讲座，报名链接放在评论区了。',
        '周六旧书交换，活动地址见评论区。',
        '年度联谊会6月8日举行，报名表附在评论区。',
        '本周六3号线南段检修，完整的绕行方案放评论区了。',
        '周末把阳台改成了小菜园。买材料的清单和搭建步骤放在评论区了。',
        'Third try at a rye sourdough. Recipe notes are in the comments.',
        "Six weeks of train knitting and the yoke is done. The pattern's in the first comment.",
      ];
      for (const text of pointing) assert.equal(flagged(text), true, text);
      const answering = [
        'Episode 42 is out. Link in the replies. Drop your bee questions in the comments and we will ask her.',
        '详细做法的链接在评论区，你们平时小土豆都怎么吃？',
        '评论区有链接，也欢迎来聊聊你们的做法。',
        'We are collecting local makers for the spring market. Put your details in the comments.',
        '春季市集招募摊主，把你们的作品链接发在评论区。',
      ];
      for (const text of answering) assert.equal(flagged(text), false, text);
    });

    it("team phrases from postlint.words.hooks count too", () => {
      const text = 'The new version is out. Ping our support bot with your ideas.';
      assert.equal(flagged(text), true);
      assert.equal(flagged(text, { words: { hooks: ['ping our support bot'] } }), false);
    });
  });

  describe('fixes', () => {
    it('offers each closing question as a suggestion, never preferred, in the post language', () => {
      for (const [text, lang] of [['Our shop opens on Monday.', 'en'], ['新店周一开业。', 'zh']] as const) {
        const fixes = findings(text, { locale: lang === 'zh' ? 'en' : 'zh-CN' })[0].fixes;
        const questions = closingQuestions(text, lang);
        assert.ok(questions.length >= 2);
        assert.deepEqual(fixes.map((f) => [f.kind, f.preferred]), questions.map(() => ['suggestion', false]));
        fixes.forEach((fix, i) => {
          assert.equal(fix.offsetEdits.length, 1);
          assert.ok(fix.offsetEdits[0].newText.includes(questions[i].text));
        });
      }
    });

    const kinds: [string, string, ReturnType<typeof postKind>][] = [
      ['系统将于周六凌晨进行维护，届时暂停服务。特此公告。', 'zh', 'notice'],
      ['我们在招聘前端工程师，欢迎投递简历。', 'zh', 'hire'],
      ['新版 App 今天上线，全新的首页。', 'zh', 'launch'],
      ['周六下午的读书沙龙开放报名，现场有茶点。', 'zh', 'event'],
      ['记得小时候，外婆总在窗台上晒柿饼。', 'zh', 'story'],
      ["We're hiring a designer to join our team. Apply by Friday.", 'en', 'hire'],
      ['Introducing Acme 2, now available for everyone.', 'en', 'launch'],
      ['Scheduled maintenance: the site will be closed Sunday 2-4am. Please note the downtime.', 'en', 'notice'],
      ['Join us at the meetup on Thursday. RSVP below, tickets are free.', 'en', 'event'],
      ['Ten years ago I remember my first day at the bakery.', 'en', 'story'],
    ];
    for (const [text, lang, kind] of kinds) {
      it(`chooses questions for a ${kind} post (${lang})`, () => {
        assert.equal(postKind(text, lang as 'zh' | 'en'), kind);
        const offered = findings(text)[0].fixes.map((f) => f.offsetEdits[0].newText);
        const expected = closingQuestions(text, lang as 'zh' | 'en');
        assert.ok(expected.some((q) => q.kind === kind));
        assert.deepEqual(offered.map((t) => t.trim()), expected.map((q) => q.text));
      });
    }

    it('never asks 你怎么看 after 特此公告', () => {
      const offered = findings('本店春节期间暂停营业，2 月 18 日恢复。特此公告。')[0].fixes.map((f) => f.title);
      assert.ok(offered.length > 0);
      assert.ok(offered.every((title) => !title.includes('你怎么看')), offered.join(' | '));
    });

    const posts: Record<string, string> = {
      'English, no trailing line break': 'Our shop opens on Monday.',
      'Chinese with CRLF and a trailing comment': '---\r\nplatform: weibo\r\n---\r\n新店周一开业。\r\n<!-- ignore: length -->\r\n',
      'comment on the last line': 'Our shop opens on Monday. <!-- expect: no-hook -->',
      'ends in a list': '新店的三个变化：\n\n- 菜单\n- 营业时间\n',
      'ends in a block quote': 'A customer wrote:\n\n> Best coffee in town.\n',
      'ends in a code block': 'Our API moved:\n\n```\nGET /v2/shops\n```\n',
      'ends with an image': 'Our shop opens on Monday.\n\n![The shop](shop.jpg)\n',
    };
    for (const [name, text] of Object.entries(posts)) {
      it(`every fix clears the finding, keeps the post and a second run changes nothing: ${name}`, () => {
        const [finding] = findings(text);
        for (const fix of finding.fixes) {
          assert.ok(fix.offsetEdits.every((e) => e.start === e.end), 'only inserts');
          const fixed = applyEdits(text, fix.offsetEdits);
          assert.equal(findings(fixed).length, 0, fixed);
        }
        // Suggestions only: fix-all never adds a question the writer did not write.
        assert.equal(fixAll(text, {}, { rule: RULE }).passes, 0);
      });
    }

    it('offers no fix when the post ends inside an unclosed code fence, where the question would be code', () => {
      assert.deepEqual(findings('Install it:\n\n```sh\nnpm i acme\n')[0].fixes, []);
      assert.deepEqual(findings('Notes follow.\n\n<!-- draft\n')[0].fixes, []);
    });

    it('appends after the last published text, before trailing comments', () => {
      const text = '新店周一开业。\n<!-- ignore: length -->\n';
      assert.equal(applyEdits(text, findings(text)[0].fixes[0].offsetEdits), `新店周一开业。\n\n${closingQuestions(text, 'zh')[0].text}\n<!-- ignore: length -->\n`);
    });

    it('fix-all adds neither an image nor a question; taking both first suggestions leaves two clean paragraphs', () => {
      const onlyOurs: PostlintSettings = { rules: { length: 'off', formatting: 'off', 'hard-selling': 'off', 'press-release-tone': 'off' } };
      for (const text of ['Our shop opens on Monday.', 'Our shop opens on Monday.\n', '新店周一开业。\r\n']) {
        assert.equal(fixAll(text, onlyOurs).text, text);
        let fixed = text;
        for (const rule of ['no-hook', 'no-media']) {
          const finding = lint(fixed, onlyOurs).diagnostics.find((d) => d.rule === rule)!;
          fixed = applyEdits(fixed, finding.fixes[0].offsetEdits);
        }
        assert.ok(fixed.startsWith(text), 'the post is kept as written');
        assert.doesNotMatch(fixed, /(?:\r?\n){3}/);
        assert.deepEqual(lint(fixed, onlyOurs).diagnostics, []);
      }
    });
  });

  it('on arbitrary posts, the first suggestion only inserts and clears the finding', () => {
    fc.assert(
      fc.property(document, (text) => {
        const found = findings(text);
        const first = found.flatMap((d) => d.fixes.slice(0, 1));
        if (first.length === 0) return;
        assert.ok(first.every((f) => f.kind === 'suggestion' && f.offsetEdits.every((e) => e.start === e.end)), 'only inserts, as a suggestion');
        assert.deepEqual(findings(applyEdits(text, first[0].offsetEdits)), []);
      }),
      { numRuns: runs(200), ...seedOption() },
    );
  });
});

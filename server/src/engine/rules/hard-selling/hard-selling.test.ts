import assert from 'node:assert/strict';
import { lint, type PostlintSettings } from '../..';
import { testRule } from '../../../../../test/helpers/ruleTester';
import { hardSellingRule } from './hard-selling';

/** Only this family runs, so the assertions see nothing else. */
function findings(text: string, settings: PostlintSettings = {}) {
  const rules = { length: 'off', formatting: 'off', 'press-release-tone': 'off', 'no-media': 'off', 'no-hook': 'off', ...(settings.rules ?? {}) } as const;
  return lint(text, { ...settings, rules }).diagnostics;
}

const FRIENDLY_BODY =
  'We spent the winter rebuilding the workshop, and it finally feels like ours. ' +
  'The new bench sits under the window, so the afternoon light falls right where we sand the handles. ' +
  'Mina painted the door a deep green, and the neighbours keep stopping to ask about it.';

describe('hard-selling', () => {
  it('flags every phrase of a post that piles up selling, and raises the severity', () => {
    const found = findings('Flash sale! 50% off everything, today only. Shop now before it\'s gone!');
    assert.deepEqual(
      found.map((d) => d.phrase),
      ['flash sale', '50% off', 'today only', 'shop now', "before it's gone"],
    );
    assert.ok(found.every((d) => d.severity === 'error' && d.rule === 'hard-selling'));
  });

  it('reads free entry to a place as information, free entry into a prize draw as a push', () => {
    assert.deepEqual(findings('Free entry all weekend for our open days: the boat shed and the archive are open 10am to 4pm. What would you like to see?'), []);
    assert.deepEqual(findings('Free entry into our weekly prize draw to win a £500 voucher! Text WIN to 80086.').map((d) => d.phrase).slice(0, 1), ['free entry into our weekly prize draw']);
  });

  it('reads tables rationed until booked out as scarcity, and 平时 about a queue as nothing', () => {
    assert.deepEqual(findings('午市双人套餐，平时98，本周只要68，每天只放20桌，订满为止。').map((d) => d.phrase), ['平时98，本周只要68', '只放20桌', '订满为止']);
    assert.deepEqual(findings('平时这家馄饨店要排一个小时，今天居然只排了十分钟。'), []);
  });

  it('reads an order-by date beside a count left or a free extra as a push, and a price change told in the past as a story', () => {
    assert.deepEqual(findings('Four left of the linen aprons. Order by Friday noon and they arrive before the weekend.').map((d) => d.phrase), ['four left', 'order by friday']);
    assert.deepEqual(findings("Father's Day is 15 June. Order by the 10th and we'll engrave it for free.").map((d) => d.phrase), ['order by the 10th', 'for free']);
    assert.deepEqual(findings('My gym membership went from £25 to £32 a month this year. Still going three times a week.'), []);
  });

  it('reads a time after "opens" or "stays open" as opening hours, not a deadline', () => {
    assert.deepEqual(findings('From 1 April the library opens at 9:00 instead of 9:30, and stays open until 8pm on Wednesdays. What else would help?'), []);
  });

  it('flags a pitch in the first sentence even when the rest is friendly', () => {
    const found = findings(`Order now: the tote is back. ${FRIENDLY_BODY}`);
    assert.deepEqual(found.map((d) => [d.phrase, d.severity]), [['order now', 'warning']]);
    assert.match(found[0].message, /first sentence/);
  });

  it('leaves a friendly post alone when one sales phrase sits deep in the body', () => {
    assert.deepEqual(findings(`${FRIENDLY_BODY} The link in bio has the details.`), []);
  });

  it('leaves soft product copy and a single new-collection mention alone', () => {
    assert.deepEqual(findings(`Our spring collection is here. ${FRIENDLY_BODY}`), []);
    assert.deepEqual(findings('这件亚麻衬衫用的是今年新织的面料，手感比去年那批软一些，领口做了小小的立领。'), []);
  });

  it('treats a short post carrying one strong pitch as a pitch', () => {
    assert.deepEqual(findings('新款到了，感兴趣的朋友扫码下单。').map((d) => d.phrase), ['扫码下单']);
  });

  it('can stop flagging the opening on its own', () => {
    const settings = { rules: { 'hard-selling': { opening: false } } };
    assert.deepEqual(findings(`Order now: the tote is back. ${FRIENDLY_BODY}`, settings), []);
  });

  it('counts only the signals a team asks for', () => {
    const text = '全网最低价，仅需99元，包邮到家！';
    assert.equal(findings(text).length, 3);
    assert.deepEqual(findings(text, { rules: { 'hard-selling': { signals: ['call-to-buy', 'urgency'] } } }), []);
  });

  it('offers removal as a suggestion (it deletes words), titled in the message language, taking the comma with it', () => {
    const [finding] = findings('限时特价，新款到货。', { locale: 'zh-CN' });
    assert.deepEqual(
      finding.fixes.map((f) => [f.title, f.kind, f.preferred, f.offsetEdits[0].newText, f.offsetEdits[0].end - f.offsetEdits[0].start]),
      [["删除“限时特价”", 'suggestion', false, '', 5]],
    );
    assert.match(finding.message, /^第一句就是制造紧迫：“限时特价”/);
  });

  it('names each kind of signal it weighs, built from parts rather than stock phrases', () => {
    const cases: [string, string, RegExp][] = [
      ['Every gift made today is matched. Give now and your £20 becomes £40.', 'your £20 becomes £40', /^a saving in numbers.*matched gift/],
      ['The Alder duffel: $149 instead of $240. Ends Sunday.', '$149 instead of $240', /^a price anchor/],
      ['We are down to the last 12 boxes of the winter blend.', 'down to the last 12', /^scarcity/],
      ['Doors close in 48 hours for the spring cohort.', 'doors close in 48 hours', /^a deadline/],
      ['新款卫衣只做了300件，卖完不补。', '只做了300件', /^第一句就是稀缺施压/],
      ['今晚24点前的每一笔捐款都会翻倍配捐。', '24点前的每一笔捐款', /^第一句就是截止时间/],
    ];
    for (const [text, phrase, message] of cases) {
      const found = findings(text, { locale: /[\u4e00-\u9fff]/.test(text) ? 'zh-CN' : 'en' });
      const finding = found.find((d) => d.phrase === phrase.toLowerCase());
      assert.ok(finding, `${text}: ${found.map((d) => d.phrase).join(', ')}`);
      assert.equal(text.slice(finding.start, finding.end).toLowerCase(), phrase.toLowerCase());
      assert.match(finding.message, message);
    }
  });

  it('reads a count told in the past tense, or time left, as a story rather than scarcity', () => {
    assert.deepEqual(findings('There were only 3 left when we got to the market, so we shared one.'), []);
    assert.deepEqual(findings('当时只剩两件了，我犹豫了一下还是没买。'), []);
    assert.deepEqual(findings('Only 5 months left until the wedding and I have not picked a suit.'), []);
    assert.deepEqual(findings('最后一个感悟：人生很短。'), []);
    assert.deepEqual(findings('Only 3 left!').map((d) => d.phrase), ['only 3 left']);
  });

  it('reads "link in bio" after something to read, watch or hear as a pointer, not a call to buy', () => {
    assert.deepEqual(findings('Miso aubergine, the weeknight version. Full recipe link in bio.'), []);
    assert.deepEqual(findings('Ep. 18: a ferry captain on forty winters. Episode link in bio.'), []);
    assert.deepEqual(findings('The fisherman jumper is back in oat and navy. Link in bio.').map((d) => d.phrase), ['link in bio']);
  });

  it('reads "those who want one, hurry" and "renew now and get 30% off" as pressure; a giveaway alone as none', () => {
    assert.deepEqual(findings('今年的明前龙井只收到这一批，上次两天就卖空了。要的朋友抓紧，拍下按顺序发货。').map((d) => d.phrase), ['要的朋友抓紧']);
    assert.deepEqual(findings('会员还有3天到期！现在续费立享7折，赶紧去续费吧。').map((d) => d.phrase), ['现在续费立享', '赶紧去续费']);
    // A prize draw that asks for no purchase is engagement, not selling; one that asks for a repost still counts.
    assert.deepEqual(findings('下周上新桂花酒酿面包。评论区说说你想搭配什么喝，周五抽 2 位送新品试吃，不用下单也能参加。'), []);
    assert.ok(findings('转发本条抽 3 位送新品礼盒，关注我们不迷路。').length > 0);
  });

  it('reads a list price against a price for a day as an anchor, across the comma between them', () => {
    assert.deepEqual(findings('这套粗陶茶具原价199，本周六99。釉色是店主自己调的。').map((d) => d.phrase), ['原价199，本周六99']);
    assert.deepEqual(findings('平时8点开门，周六10点开门，周日休息。'), []);
  });

  it('leaves calm posts with prices, dates and counts alone', () => {
    for (const text of [
      'Our new rye loaf is $7 and comes out of the oven at 7am on weekdays. How do you store bread?',
      'Applications for the residency close on 30 April, and we reply to everyone.',
      'The spring run of the mugs sold out in two days. Thank you. Which colour should we add?',
      '新口味的燕麦拿铁上了，中杯18元，燕麦奶是我们自己磨的。你喜欢偏甜还是偏苦？',
      '我们不搞限时，也不搞秒杀，这批茶就按平时的价格卖。',
      'Cabins are from $120 a night through October if you fancy the lake to yourself. Where is your favourite quiet spot?',
      'The library now hosts a free money advice session every Tuesday at 2pm. What would you ask?',
    ]) {
      assert.deepEqual(findings(text), [], text);
    }
  });

  it("flags the team's own phrases, and never the allowed ones", () => {
    const settings = { words: { hardSelling: [{ phrase: 'grab a bundle', rewrite: 'see the bundles' }], allow: ['today only'] } };
    const found = findings('Grab a bundle, today only.', settings);
    assert.deepEqual(found.map((d) => d.phrase), ['grab a bundle']);
    assert.deepEqual(found[0].fixes.map((f) => f.title), ["Replace with 'See the bundles'", "Remove 'Grab a bundle'"]);
  });
});

testRule(hardSellingRule, {
  valid: ['We opened a second shop on High Street. Come and say hello.\n'],
  invalid: [
    {
      name: 'an English flyer: the opening pitch and every phrase once the post adds up to a sale',
      text: "FLASH SALE: 50% off every mug, today only. Shop now before it's gone! Free shipping on all orders.\n",
      errors: [
        { text: 'FLASH SALE', line: 1, column: 1, severity: 'error', message: /^price pushing in the first sentence, "FLASH SALE", makes the post read as an ad/, fixes: ["Remove 'FLASH SALE'"] },
        { text: '50% off', column: 13 },
        { text: 'today only', column: 32 },
        { text: 'Shop now', column: 44, message: /^a call to buy: "Shop now"\. Readers scroll past a post that asks for the sale/ },
        { text: "before it's gone", column: 53, message: /^urgency: "before it's gone"\. Manufactured urgency/ },
        { text: 'Free shipping', column: 71, message: /^price pushing: "Free shipping"\. Pushing the price/ },
      ],
      // Only the safe fixes apply: removing a call to buy or a price push; the opening's words are suggestions.
      output: "FLASH SALE: 50% off every mug, today only. Before it's gone! On all orders.\n",
    },
    {
      name: 'a Chinese flyer',
      text: '限时抢购！立即下单，仅需99元，错过再等一年！\n',
      errors: [{ text: '限时抢购' }, { text: '立即下单' }, { text: '仅需99元' }, { text: '错过再等一年' }],
      // Every removal here would take content words: suggestions only, so the text stays as written.
      output: '限时抢购！立即下单，仅需99元，错过再等一年！\n',
    },
  ],
});

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { lint, resolveConfig, type Family, type PostlintSettings } from '../../server/src/engine';
import { compileTemplate, templatePattern, templateProblem } from '../../server/src/engine/lexicon/templates';
import { wordClasses } from '../../server/src/engine/lexicon/signals';
import type { SignalFile } from '../../server/src/engine/lexicon/family';
import { PHRASE_FAMILIES } from '../../server/src/engine/rules/phraseFamilies';

const LEXICON_FAMILIES: Family[] = ['hard-selling', 'press-release-tone', 'no-hook'];

/** The lexicon families a post comes out with (information or above), and what each underlined. */
function judged(text: string, settings: PostlintSettings = {}) {
  const found = lint(text, settings).diagnostics.filter((d) => LEXICON_FAMILIES.includes(d.family) && d.severity !== 'hint');
  return {
    families: [...new Set(found.map((d) => d.family))].sort(),
    underlined: (family: Family) => found.filter((d) => d.family === family).map((d) => text.slice(d.start, d.end)),
    messages: (family: Family) => found.filter((d) => d.family === family).map((d) => d.message),
  };
}

const selling = (text: string) => judged(text).underlined('hard-selling');

describe('signals with typed slots', () => {
  describe('hard selling built from parts, by kind', () => {
    it('an imperative to buy or sign up with a time', () => {
      assert.deepEqual(selling('Buy the winter bundle today and keep your hands warm on the walk to work.'), ['Buy the winter bundle today']);
      assert.deepEqual(selling('Sign up for the spring workshop today. We cover glazing, firing and the mistakes we made.'), ['Sign up for the spring workshop today']);
      // Not an imperative: someone saying what they did.
      assert.deepEqual(selling("I'll buy the winter bundle today, I think. The grey one suits the coat my sister gave me."), []);
    });

    it('a saving stated as a number, a deadline, a price anchor, scarcity as a count', () => {
      assert.deepEqual(selling('Save 40% on every jacket this week.'), ['Save 40%']);
      assert.deepEqual(selling('Three months free when you join the studio.'), ['Three months free']);
      assert.deepEqual(selling('The offer ends Sunday, and the kettles are back in green.'), ['offer ends Sunday']);
      assert.deepEqual(selling('Was $129. Now $59. The same boots, resoled.'), ['Was $129. Now $59']);
      assert.deepEqual(selling('Only 37 left in the warehouse.'), ['Only 37 left']);
      assert.deepEqual(selling('全场五折，过了 8 点半恢复原价。'), ['全场五折', '过了 8 点半恢复原价']);
      assert.deepEqual(selling('标价 1280 的外套，今天按 399 走。'), ['标价 1280 的外套，今天按 399']);
      assert.deepEqual(selling('还剩 63 件，前 500 名下单送帆布袋。'), ['还剩 63 件', '前 500 名']);
      assert.deepEqual(selling('晚上 8 点开抢，别等了，直接冲！'), ['8 点开抢', '别等了', '直接冲']);
    });

    it('names the kind of signal in its message, in both languages', () => {
      const en = judged('Was $129. Now $59. The same boots, resoled.').messages('hard-selling');
      assert.match(en[0], /^a price anchor in the first sentence/);
      const zh = lint('还剩 63 件，前 500 名下单送帆布袋。', { locale: 'zh-CN' }).diagnostics.filter((d) => d.family === 'hard-selling');
      assert.match(zh[0].message, /稀缺施压/);
    });

    it('two different pressures make a pitch even when each alone would pass', () => {
      const body = 'We spent the winter rebuilding the workshop, and the new bench sits under the window where the light is best. ';
      assert.deepEqual(selling(`${body}${body}The price goes back up at midnight.`), []);
      assert.deepEqual(selling(`${body}${body}Was $80, now $60, and the price goes back up at midnight.`).length > 0, true);
    });
  });

  describe('context', () => {
    it('quoted words the post holds up to criticise are not its voice', () => {
      const post = '做了三年官微，我给自己定了个规矩：不写“隆重召开”，不写“圆满成功”，不写“给予高度评价”。念着像人说话才发。';
      assert.deepEqual(judged(post).underlined('press-release-tone'), []);
      assert.deepEqual(selling('My inbox this morning: "ACT NOW, only 3 left, 50% off ends tonight!" Unsubscribed from all of them.'), []);
      // Plain single quotes quote too; an apostrophe inside the quote or after a plural does not end or open one.
      assert.deepEqual(selling("The bakery's sign says 'Last chance, 50% off, today only' and it's been up since May. Don't they ever change it?"), []);
      assert.ok(selling("Our kids' favourite: 50% off every backpack, today only. Order before midnight!").length > 0);
    });

    it('a negated signal is the writer saying what the post is not', () => {
      assert.deepEqual(selling('No countdown and no flash sale: the mugs are simply back on the shelf, the same as always.'), []);
    });

    it('a set phrase used literally in a personal post is not officialese', () => {
      const post = '今天儿子幼儿园的毕业演出圆满成功。虽然他全程站在台上找我，歌一句都没唱，最后还朝我挥了三次手。';
      assert.deepEqual(judged(post).underlined('press-release-tone'), []);
    });

    it('datelines in their common shapes raise press-release tone to a warning', () => {
      for (const post of [
        'AUSTIN, Texas, March 3, 2024 — Acme opened a second office downtown.',
        'Dallas, Texas (March 3, 2024) – Acme opened a second office downtown.',
        '【2024年3月15日，北京】某公司今日宣布推出新品。',
      ]) {
        const found = lint(post).diagnostics.filter((d) => d.family === 'press-release-tone');
        assert.ok(found.length > 0 && found.every((d) => d.severity === 'warning'), post);
      }
    });
  });

  describe('hooks', () => {
    const hookless = (text: string) => judged(text).families.includes('no-hook');
    it('a question the post answers itself is not a hook', () => {
      assert.ok(hookless('Why do we bake at night? Because the oven is free after six.'));
      assert.ok(hookless("Is there anything better than the first pour-over of the morning? Didn't think so."));
      assert.ok(hookless('Does a standing desk fix back pain?\n\nNo. Moving does.'));
      assert.ok(hookless('为什么我们坚持手工揉面？因为机器揉出来的面没有筋道。'));
      assert.ok(!hookless('Why do we bake at night? We have our reasons. What would you guess?'));
      // The answer may come in the next paragraph, after a clause that leads to it.
      assert.ok(hookless('这家面馆凭什么排队两小时？\n\n我替大家排了一次，答案是：汤。'));
      assert.ok(hookless('Why is our sourdough sour? I asked the baker, and the answer is time.'));
      assert.ok(hookless("Why did we close early on Tuesday?\n\nShort version: the boiler gave up."));
      assert.ok(hookless('绿萝老是黄叶怎么办？\n\n我的办法是：少浇水，挪到散射光的地方。'));
      // A short fragment right after the question is its answer, unless it asks for help or welcomes replies.
      assert.ok(hookless('下班路上冻得手都木了。冬天最治愈的是什么？一碗热汤面。'));
      assert.ok(!hookless('是不是浇水太勤了？懂行的朋友教教我。'));
    });

    it('an imperative that asks for an answer is one', () => {
      for (const post of ['Reply with your favourite flavour.', 'Drop your best rainy-day song below.', '用一个词形容你的周一。', '来接龙：今天的午饭是', '说说你的第一份工作。', '手洗碗洗到脱皮，求推荐一款不伤手的洗洁精。', 'Moving to Leeds in May. Recommendations welcome.', 'Pancakes beat waffles. Prove me wrong.', 'My comfort bake is the cinnamon bun. Your turn.']) {
        assert.ok(!hookless(post), post);
      }
    });
  });

  describe('templates as data', () => {
    const engine = join(__dirname, '..', '..', 'server', 'src', 'engine');
    const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(join(engine, 'lexicon', 'signals.schema.json'), 'utf8')));

    it('every signal and class file matches the schema; every signal file is bundled, compiles and has a reason', () => {
      const classFiles = readdirSync(join(engine, 'lexicon')).filter((f) => /^classes\.\w+\.json$/.test(f));
      assert.deepEqual(classFiles, ['classes.en.json', 'classes.zh.json']);
      for (const file of classFiles) assert.ok(validate(JSON.parse(readFileSync(join(engine, 'lexicon', file), 'utf8'))), `${file}: ${JSON.stringify(validate.errors)}`);
      let checked = 0;
      for (const family of PHRASE_FAMILIES) {
        const dir = join(engine, 'rules', family.id);
        for (const file of readdirSync(dir).filter((f) => f.includes('.signals.'))) {
          const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as SignalFile;
          assert.ok(validate(data), `${file}: ${JSON.stringify(validate.errors)}`);
          assert.ok(family.signals?.some((bundled) => bundled.lang === data.lang && bundled.signals.length === data.signals.length), `${file} is not bundled`);
          for (const signal of data.signals) {
            assert.equal(templateProblem(signal.template, data.lang, wordClasses(data.lang)), undefined, `${file}: ${signal.template}`);
            assert.ok(signal.reason ?? family.reasons[signal.signal], `${file}: ${signal.template} has no reason for "${signal.signal}"`);
            new RegExp(templatePattern(compileTemplate(signal.template, data.lang, wordClasses(data.lang))));
            checked++;
          }
        }
      }
      assert.ok(checked > 100, `${checked} signals`);
    });

    it('compiles slots and word classes into one pattern, with word boundaries in English', () => {
      const classes = wordClasses('en');
      const pattern = new RegExp(templatePattern(compileTemplate('only {COUNT} left', 'en', classes)), 'i');
      assert.ok(pattern.test('Only 37 left'));
      assert.ok(pattern.test('only two seats left'));
      assert.ok(!pattern.test('commonly 37 left'));
    });

    it('a start runs its start classes until it is met often, then one expression for all, and both find the same', () => {
      // A team word no post holds gives these lints a matcher of their own, cold at the first lint.
      const settings: PostlintSettings = { words: { hardSelling: ['a phrase for a matcher of its own'] } };
      const texts = [
        'Only 37 left! Was $129, now $59. Buy the Halden runner today, before midnight. Save 40% with code RUN40.',
        '原价199，今晚只要99，还剩63件，12点准时开抢，售完即止！每天只放20桌，订满为止。',
        'LONDON, March 3, 2026 — Acme is pleased to announce that it has acquired Birch Labs. Further details will be shared in due course.',
        '用一个词形容你的周一。评论区见！Reply with your favourite emoji, or drop your best guess below.',
      ];
      const found = () => texts.map((text) => lint(text, settings).diagnostics.map((d) => `${d.rule} ${d.start}-${d.end}`));
      const cold = found();
      for (let i = 0; i < 300; i++) found();
      assert.deepEqual(found(), cold);
      assert.ok(cold.slice(0, 3).every((list) => list.filter((f) => /^(hard-selling|press-release-tone) /.test(f)).length >= 3), JSON.stringify(cold));
      // The last one invites answers, so no-hook stays silent on it, cold and hot.
      assert.ok(!cold[3].some((f) => f.startsWith('no-hook')), JSON.stringify(cold[3]));
    });

    it('names an unknown slot', () => {
      assert.match(templateProblem('before {DEADLNE}', 'en', wordClasses('en'))!, /unknown slot \{DEADLNE\}/);
    });

    it("a team's word list takes the same syntax, and a bad slot is named on its key", () => {
      const settings: PostlintSettings = { words: { hardSelling: ['{NUMBER} seats remain'] }, rules: { 'hard-selling': { minScore: 1 } } };
      assert.deepEqual(judged('Twelve seats remain for the Saturday class.', settings).underlined('hard-selling'), ['Twelve seats remain']);
      const config = resolveConfig({ words: { hardSelling: ['{SEATS} remain'] } });
      assert.equal(config.problems[0]?.key, 'postlint.words.hardSelling[0]');
      assert.match(config.problems[0].message, /unknown slot \{SEATS\}/);
    });
  });
});

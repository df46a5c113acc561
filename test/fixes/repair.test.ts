import assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { applyEdits } from '../../server/src/engine/fixes';
import { articleFor } from '../../server/src/engine/edits/article';
import { repairEdit } from '../../server/src/engine/edits/repair';

/** Removes (or rewrites) `phrase` in `text` through the repair, as every fix is applied. */
function edit(text: string, phrase: string, newText = ''): string {
  const start = text.indexOf(phrase);
  assert.ok(start >= 0, phrase);
  const repaired = repairEdit(text, { start, end: start + phrase.length, newText });
  assert.ok(repaired);
  return applyEdits(text, [repaired]);
}

describe('edit repair', () => {
  const cases: [string, string, string, string?][] = [
    ['立即下单，仅限今天，买二送一。', '仅限今天', '立即下单，买二送一。'],
    ['立即下单，仅限今天。', '仅限今天', '立即下单。'],
    ['限时抢购！全场五折', '限时抢购', '全场五折'],
    ['错过今天再等一年，库存有限，手慢无！', '手慢无', '错过今天再等一年，库存有限！'],
    ['扫码关注官方旗舰店，前100名下单', '扫码关注官方旗舰店', '前100名下单'],
    ['今天 #清仓# 全场三折', '清仓', '今天 全场三折'],
    ['新款到货（限时）。', '限时', '新款到货。'],
    ['Grab yours now, the offer ends Sunday.', 'Grab yours', 'Now, the offer ends Sunday.'],
    ['Buy now and save.', 'Buy now', 'And save.'],
    ['We open Monday. Buy now !', 'Buy now', 'We open Monday.'],
    ['Hello,  buy now world', 'buy now', 'Hello,  world'],
    ['It is a definitive agreement.', 'definitive agreement', 'It is an agreement.', 'agreement'],
    ['It is an amazing deal.', 'amazing ', 'It is a deal.'],
    ['## Buy now\n\nText', 'Buy now', '\n\nText'],
    ['- 立即下单\n- 包邮', '立即下单', '\n- 包邮'],
  ];
  for (const [text, phrase, expected, rewrite] of cases) {
    it(`${JSON.stringify(text)} without ${JSON.stringify(phrase)}`, () => assert.equal(edit(text, phrase, rewrite), expected));
  }

  it('moves a paragraph break past the marks that close the sentence', () => {
    const text = '好吧？！我不敢说';
    const at = text.indexOf('？');
    const repaired = repairEdit(text, { start: at + 1, end: at + 1, newText: '\n\n' });
    assert.equal(applyEdits(text, [repaired!]), '好吧？！\n\n我不敢说');
    assert.equal(repairEdit('(R-Ark.), United', { start: 6, end: 6, newText: '\n\n' }), null, 'an abbreviation is no sentence end');
  });

  it('chooses a or an by sound', () => {
    for (const [word, article] of [['agreement', 'an'], ['user', 'a'], ['hour', 'an'], ['FAQ', 'an'], ['one-time', 'a'], ['European', 'a'], ['8-week', 'an'], ['cake', 'a']] as const) {
      assert.equal(articleFor(word), article, word);
    }
  });

  it('rewrites keep grammar in real findings: "entered into a definitive agreement", 史上最强平价', () => {
    const en = 'Acme entered into a definitive agreement to acquire Widgets.';
    const rewrite = lint(en).diagnostics.flatMap((d) => d.fixes).find((f) => f.title.includes("'agreement'"));
    assert.ok(rewrite);
    assert.equal(rewrite.kind, 'fix');
    assert.equal(applyEdits(en, rewrite.offsetEdits), 'Acme entered into an agreement to acquire Widgets.');
    const zh = '史上最强平价面霜来了，立即购买！';
    const removal = lint(zh).diagnostics.find((d) => d.rule === 'hard-selling')!.fixes[0];
    assert.equal(removal.kind, 'suggestion');
    assert.equal(applyEdits(zh, removal.offsetEdits), '平价面霜来了，立即购买！');
  });
});

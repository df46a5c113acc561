import assert from 'node:assert/strict';
import { lint, type PostlintSettings } from '../../server/src/engine';

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

  it('offers removal as the preferred fix, titled in the message language', () => {
    const [finding] = findings('限时特价，新款到货。', { locale: 'zh-CN' });
    assert.deepEqual(
      finding.fixes.map((f) => [f.title, f.preferred, f.offsetEdits[0].newText]),
      [["删除“限时特价”", true, '']],
    );
    assert.match(finding.message, /^第一句就是制造紧迫：“限时特价”/);
  });

  it("flags the team's own phrases, and never the allowed ones", () => {
    const settings = { words: { hardSelling: [{ phrase: 'grab a bundle', rewrite: 'see the bundles' }], allow: ['today only'] } };
    const found = findings('Grab a bundle, today only.', settings);
    assert.deepEqual(found.map((d) => d.phrase), ['grab a bundle']);
    assert.deepEqual(found[0].fixes.map((f) => f.title), ["Replace with 'See the bundles'", "Remove 'Grab a bundle'"]);
  });
});

import assert from 'node:assert/strict';
import type { PreviewModel } from '../../shared/protocol';
import { TestLspClient } from '../helpers/lspClient';

const ZH = '我们花了三个月，把每一条帖子都当成一次对话来写。先听用户在聊什么，再决定自己说什么！';

describe('postlint/preview over LSP (dist/server.js)', () => {
  let client: TestLspClient | undefined;
  afterEach(() => client?.shutdown());

  it('answers with the cards of the newest text, its findings, the account setting, and local images as missing', async () => {
    client = new TestLspClient({ settings: { platform: 'weibo', preview: { account: { name: 'Ada', handle: 'ada' } } } });
    await client.initialize();
    const uri = 'file:///tmp/preview-lsp.post.md';
    const text = `${ZH.repeat(4)}立即下单，限时秒杀！\n\n![chart](chart.png)\n`;
    client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    const model = (await client.connection.sendRequest('postlint/preview', { uri })) as PreviewModel;
    assert.equal(model.title, 'preview-lsp.post.md');
    assert.deepEqual(model.account, { name: 'Ada', handle: 'ada' });
    const [card] = model.cards;
    assert.equal(card.platform, 'weibo');
    assert.equal(card.parts[0].fold, 140);
    assert.deepEqual(card.parts[0].media.map((m) => `${m.kind}:${m.src}`), ['missing:chart.png']);
    assert.ok(card.findings.some((f) => f.rule === 'hard-selling' && f.marked));

    // An edit the debounced lint has not caught up with yet is what the preview shows.
    const version = client.replace(uri, `Hello ${text}`, text);
    const edited = (await client.connection.sendRequest('postlint/preview', { uri })) as PreviewModel;
    assert.ok(edited.cards[0].parts[0].segments[0].text.startsWith('Hello '), `version ${version}`);
    assert.equal(await client.connection.sendRequest('postlint/preview', { uri: 'file:///tmp/not-open.post.md' }), null);
  });
});

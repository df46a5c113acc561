import assert from 'node:assert/strict';
import type { Hover, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../helpers/lspClient';

const SENTENCE = 'We rebuilt onboarding this quarter and learned a lot about what new teams need. ';
const LONG_EN = `${SENTENCE.repeat(4)}Read more at https://example.com/onboarding and https://example.com/notes\n`;
const LONG_ZH = `${'我们花了三个月，把每一条帖子都当成一次对话来写。'.repeat(7)}你怎么看？\n`;

async function hoverAt(client: TestLspClient, uri: string, position: Position): Promise<string | null> {
  const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position })) as Hover | null;
  return hover ? (hover.contents as MarkupContent).value : null;
}

describe('hovers over LSP (dist/server.js)', () => {
  let client: TestLspClient | undefined;
  afterEach(() => client?.shutdown());

  it('explains a length finding: why, the count breakdown, and the doc link', async () => {
    client = new TestLspClient({ settings: { platform: 'x' } });
    await client.initialize();
    const uri = 'file:///tmp/hover.post.md';
    client.open(uri, LONG_EN);
    const length = (await client.diagnosticsFor(uri, 1)).find((d) => d.code === 'length')!;
    const value = await hoverAt(client, uri, length.range.start);
    assert.ok(value);
    assert.match(value, /\*\*postlint · length\*\*/);
    assert.match(value, /Why it matters\*: The platform refuses the post or cuts it off/);
    assert.match(value, /X \d+\/280 · X counts weighted: .* · 2 URLs × 23 · /);
    assert.match(value, /\(file:\/\/\S+\/docs\/rules\/length\.md\)/);
  });

  it('links the rule through postlint.openRuleDoc when the client runs it (VS Code)', async () => {
    client = new TestLspClient({ settings: { platform: 'x' }, initializationOptions: { ruleDocsCommand: true } });
    await client.initialize();
    const uri = 'file:///tmp/hover-command.post.md';
    client.open(uri, LONG_EN);
    const length = (await client.diagnosticsFor(uri, 1)).find((d) => d.code === 'length')!;
    const href = length.codeDescription?.href ?? '';
    const [command, query] = href.split('?');
    assert.equal(command, 'command:postlint.openRuleDoc');
    assert.deepEqual(JSON.parse(decodeURIComponent(query)), [{ rule: 'length', url: 'https://github.com/postlint/postlint/blob/main/docs/rules/length.md' }]);
    const value = await hoverAt(client, uri, length.range.start);
    assert.ok(value?.includes(`](${href})`), value ?? '');
  });

  it('speaks Chinese when the editor does, with the CJK ×2 breakdown', async () => {
    client = new TestLspClient({ settings: { platform: 'x' }, locale: 'zh-CN' });
    await client.initialize();
    const uri = 'file:///tmp/hover-zh.post.md';
    client.open(uri, LONG_ZH);
    const length = (await client.diagnosticsFor(uri, 1)).find((d) => d.code === 'length')!;
    const value = await hoverAt(client, uri, length.range.start);
    assert.ok(value);
    assert.match(value, /为什么重要/);
    assert.match(value, /平台会拒绝发布或直接截断/);
    assert.match(value, /全角字符（中日韩等）和表情 ×2：\d+ → \d+/);
    assert.match(value, /阅读 length 规则的说明/);
  });

  it('counts the part of a thread that the finding sits in', async () => {
    client = new TestLspClient({ settings: { platform: 'bluesky' } });
    await client.initialize();
    const uri = 'file:///tmp/hover-thread.post.md';
    const text = `1/2 Short opening.\n\n<!-- thread -->\n\n2/2 ${SENTENCE.repeat(5)}\n`;
    client.open(uri, text);
    const length = (await client.diagnosticsFor(uri, 1)).find((d) => d.code === 'length')!;
    assert.match(length.message as string, /^Post 2 of 2: 403\/300/);
    const value = await hoverAt(client, uri, length.range.start);
    assert.match(value ?? '', /Bluesky 403\/300 · .* 403 in all/);
  });

  it('says nothing where there is no finding', async () => {
    client = new TestLspClient({ settings: { platform: 'x' } });
    await client.initialize();
    const uri = 'file:///tmp/hover-none.post.md';
    client.open(uri, `---\nplatform: x\n---\n${LONG_EN}`);
    const diagnostics = await client.diagnosticsFor(uri, 1);
    const position = { line: 1, character: 3 };
    assert.ok(!diagnostics.some((d) => d.range.start.line <= 1 && d.range.end.line >= 1));
    assert.equal(await hoverAt(client, uri, position), null);
  });
});

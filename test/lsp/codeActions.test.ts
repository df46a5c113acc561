import assert from 'node:assert/strict';
import type { CodeAction, Command, Diagnostic } from 'vscode-languageserver-protocol';
import { TestLspClient, postlintOnly } from '../helpers/lspClient';
import { applyTextEdits, editsFor } from '../helpers/workspaceEdits';

const SENTENCE = 'We rebuilt onboarding this quarter and learned a lot about what new teams need. ';
const LONG_EN = `${SENTENCE.repeat(8)}What do you think?\n`;
const SALES = 'Our new planner keeps your week on one page. Buy now before it sells out!!!\n';

type Action = CodeAction | Command;
const isCodeAction = (a: Action): a is CodeAction => !('command' in a && typeof a.command === 'string');

async function actionsAt(client: TestLspClient, uri: string, diagnostic: Diagnostic, only?: string[]): Promise<CodeAction[]> {
  const result = (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], ...(only ? { only } : {}) },
  })) as Action[] | null;
  return (result ?? []).filter(isCodeAction);
}

async function fixAllActions(client: TestLspClient, uri: string): Promise<CodeAction[]> {
  const result = (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll'], triggerKind: 2 },
  })) as Action[] | null;
  return (result ?? []).filter(isCodeAction);
}

/** Applies an action's edit as the editor would, sends the change, and returns the new text and its diagnostics. */
async function apply(client: TestLspClient, uri: string, text: string, action: CodeAction): Promise<{ text: string; diagnostics: Diagnostic[] }> {
  const next = applyTextEdits(text, editsFor(action.edit, uri));
  const version = client.replace(uri, next, text);
  return { text: next, diagnostics: postlintOnly(await client.diagnosticsFor(uri, version)) };
}

describe('code actions over LSP (dist/server.js)', () => {
  let client: TestLspClient;
  beforeEach(async () => {
    client = new TestLspClient({ settings: { platform: 'x' } });
    await client.initialize();
  });
  afterEach(() => client.shutdown());

  it('declares quick fixes and source.fixAll.postlint', async () => {
    const other = new TestLspClient();
    const result = (await other.initialize()) as { capabilities: { codeActionProvider: { codeActionKinds: string[] }; hoverProvider: boolean } };
    await other.shutdown();
    assert.deepEqual(result.capabilities.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll', 'source.fixAll.postlint']);
    assert.equal(result.capabilities.hoverProvider, true);
  });

  it('splits an over-long post into a thread; applying it leaves no length finding', async () => {
    const uri = 'file:///tmp/split.post.md';
    client.open(uri, LONG_EN);
    const length = (await client.diagnosticsFor(uri, 1)).find((d) => d.code === 'length')!;
    const actions = await actionsAt(client, uri, length);
    const split = actions.find((a) => a.title.startsWith('Split into a thread'));
    assert.ok(split, actions.map((a) => a.title).join('\n'));
    assert.equal(split.isPreferred, false, 'a split is a suggestion, never applied in bulk');
    assert.equal(split.kind, 'quickfix');
    const after = await apply(client, uri, LONG_EN, split);
    assert.ok(!after.diagnostics.some((d) => d.code === 'length'), JSON.stringify(after.diagnostics));
    assert.match(after.text, /^1\/3 We rebuilt/);
    assert.equal(after.text.split('<!-- thread -->').length, 3);
  });

  it('selects the text that does not fit through the client command', async () => {
    const uri = 'file:///tmp/select.post.md';
    client.open(uri, LONG_EN);
    const length = (await client.diagnosticsFor(uri, 1)).find((d) => d.code === 'length')!;
    const select = (await actionsAt(client, uri, length)).find((a) => a.command?.command === 'postlint.selectRange');
    assert.ok(select);
    assert.equal(select.title, "Select the text that doesn't fit");
    assert.deepEqual(select.command!.arguments, [uri, length.range]);
  });

  it('replaces a phrase with the lexicon fix, and re-linting finds it gone', async () => {
    const uri = 'file:///tmp/phrase.post.md';
    client.open(uri, SALES);
    const selling = (await client.diagnosticsFor(uri, 1)).find((d) => d.code === 'hard-selling')!;
    const remove = (await actionsAt(client, uri, selling)).find((a) => a.isPreferred && a.diagnostics?.[0]?.code === 'hard-selling')!;
    assert.equal(remove.title, "Remove 'Buy now'");
    const after = await apply(client, uri, SALES, remove);
    assert.ok(!after.diagnostics.some((d) => d.code === 'hard-selling'));
    assert.ok(!/buy now/i.test(after.text));
  });

  it('offers to allow a lexicon phrase in the workspace through the client command', async () => {
    const uri = 'file:///tmp/allow.post.md';
    client.open(uri, SALES);
    const selling = (await client.diagnosticsFor(uri, 1)).find((d) => d.code === 'hard-selling')!;
    const allow = (await actionsAt(client, uri, selling)).find((a) => a.command?.command === 'postlint.allowPhrase');
    assert.ok(allow);
    assert.equal(allow.title, "Allow 'buy now' in this workspace");
    assert.deepEqual(allow.command!.arguments, ['buy now', uri]);
  });

  it('disables a rule for a line and for the file with directives the engine obeys', async () => {
    const uri = 'file:///tmp/disable.post.md';
    const text = `---\nplatform: x\n---\n${SALES}`;
    client.open(uri, text);
    const selling = (await client.diagnosticsFor(uri, 1)).find((d) => d.code === 'hard-selling')!;
    const actions = await actionsAt(client, uri, selling);
    const line = actions.find((a) => a.title === 'Disable hard-selling for this line')!;
    const file = actions.find((a) => a.title === 'Disable hard-selling for this file')!;

    const byLine = await apply(client, uri, text, line);
    assert.equal(byLine.text, `---\nplatform: x\n---\n<!-- postlint-disable-next-line hard-selling -->\n${SALES}`);
    assert.ok(!byLine.diagnostics.some((d) => d.code === 'hard-selling'));

    const byFile = applyTextEdits(text, editsFor(file.edit, uri));
    assert.equal(byFile, `---\nplatform: x\n---\n<!-- postlint-disable-file hard-selling -->\n${SALES}`);
  });

  it('links each rule to its documentation through "About"', async () => {
    const uri = 'file:///tmp/about.post.md';
    client.open(uri, LONG_EN);
    const length = (await client.diagnosticsFor(uri, 1)).find((d) => d.code === 'length')!;
    const about = (await actionsAt(client, uri, length)).find((a) => a.title === 'About length');
    assert.ok(about);
    assert.equal(about.command?.command, 'postlint.openRuleDoc');
    const [args] = about.command!.arguments as [{ rule: string; url: string }];
    assert.equal(args.rule, 'length');
    assert.match(args.url, /docs\/rules\/length\.md$/);
  });

  it('marks at most one fix preferred per finding, never a suggestion', async () => {
    const uri = 'file:///tmp/preferred.post.md';
    client.open(uri, LONG_EN + SALES);
    const diagnostics = postlintOnly(await client.diagnosticsFor(uri, 1));
    for (const diagnostic of diagnostics) {
      const own = (await actionsAt(client, uri, diagnostic)).filter((a) => a.edit && a.diagnostics?.length === 1 && a.diagnostics[0].code === diagnostic.code && a.diagnostics[0].message === diagnostic.message && !/^(Disable|Fix all)/.test(a.title));
      assert.ok(own.filter((a) => a.isPreferred).length <= 1, `${diagnostic.code}: ${own.map((a) => a.title).join(', ')}`);
      if (diagnostic.code === 'no-media' || diagnostic.code === 'no-hook' || diagnostic.code === 'length') assert.ok(own.every((a) => !a.isPreferred), `${diagnostic.code} offers suggestions only`);
    }
  });

  it('fixes everything on save with source.fixAll.postlint, and a second fix-all changes nothing', async () => {
    const uri = 'file:///tmp/fixall.post.md';
    const text = LONG_EN + SALES;
    client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    const [fixAll] = await fixAllActions(client, uri);
    assert.ok(fixAll);
    assert.equal(fixAll.kind, 'source.fixAll.postlint');
    const after = await apply(client, uri, text, fixAll);
    // Only safe fixes are applied: the real problems (an over-long post, no image) are still reported.
    assert.ok(!after.diagnostics.some((d) => d.code === 'formatting/punctuation'), JSON.stringify(after.diagnostics, null, 1));
    assert.ok(after.diagnostics.some((d) => d.code === 'length') && after.diagnostics.some((d) => d.code === 'no-media'), JSON.stringify(after.diagnostics.map((d) => d.code)));
    assert.deepEqual(await fixAllActions(client, uri), []);
  });

  it('offers "Fix all <rule> problems" when a rule has several fixable findings', async () => {
    const uri = 'file:///tmp/fixrule.post.md';
    const text = '今天开门,明天休息,后天见!\n';
    client.open(uri, text);
    const [first] = (await client.diagnosticsFor(uri, 1)).filter((d) => d.code === 'formatting/punctuation');
    const actions = await actionsAt(client, uri, first);
    const fixRule = actions.find((a) => a.title === 'Fix all formatting/punctuation problems');
    assert.ok(fixRule, actions.map((a) => a.title).join('\n'));
    const after = await apply(client, uri, text, fixRule);
    assert.ok(!after.diagnostics.some((d) => d.code === 'formatting/punctuation'));
  });

  it('at a flagged phrase, the first quick fix and the hover lead with that phrase, and About is offered once', async () => {
    const uri = 'file:///tmp/lead.post.md';
    const text = '限时抢购！全场五折，立即下单！错过今天再等一年，库存有限，手慢无！\n';
    client.open(uri, text);
    const diagnostics = await client.diagnosticsFor(uri, 1);
    const phrase = diagnostics.find((d) => d.code === 'hard-selling' && String(d.message).includes('立即下单'))!;
    assert.ok(phrase);
    const actions = await actionsAt(client, uri, { range: { start: phrase.range.start, end: phrase.range.start } } as typeof phrase);
    assert.equal(actions[0].title, "Remove '立即下单'", actions.map((a) => a.title).join('\n'));
    assert.ok(actions.filter((a) => a.title.startsWith('About')).length <= 1);
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: phrase.range.start })) as { contents: { value: string } };
    assert.match(hover.contents.value, /^\*\*postlint · hard-selling\*\*/);
  });

  it('titles actions in Chinese when the editor runs in Chinese', async () => {
    const zh = new TestLspClient({ settings: { platform: 'x' }, locale: 'zh-cn' });
    await zh.initialize();
    try {
      const uri = 'file:///tmp/zh.post.md';
      zh.open(uri, LONG_EN);
      const length = (await zh.diagnosticsFor(uri, 1)).find((d) => d.code === 'length')!;
      const titles = (await actionsAt(zh, uri, length)).map((a) => a.title);
      for (const expected of ['选中放不下的文字', '在这一行停用 length', '在这个文件中停用 length', '关于 length']) assert.ok(titles.includes(expected), titles.join('\n'));
      assert.ok(titles.some((t) => /^拆成 \d+ 条的串推/.test(t)), titles.join('\n'));
    } finally {
      await zh.shutdown();
    }
  });

  it('follows postlint.locale over the editor\'s language', async () => {
    const en = new TestLspClient({ settings: { platform: 'x', locale: 'en' }, locale: 'zh-CN' });
    await en.initialize();
    try {
      const uri = 'file:///tmp/locale.post.md';
      en.open(uri, LONG_EN);
      const length = (await en.diagnosticsFor(uri, 1)).find((d) => d.code === 'length')!;
      assert.match(length.message as string, /don't fit on X/);
      const titles = (await actionsAt(en, uri, length)).map((a) => a.title);
      assert.ok(titles.includes('Disable length for this line'), titles.join('\n'));
    } finally {
      await en.shutdown();
    }
  });

  it('offers only "About" on a file too big to lint, without parsing it', async () => {
    const big = new TestLspClient({ settings: { platform: 'x', maxFileSize: 1000 } });
    await big.initialize();
    try {
      const uri = 'file:///tmp/big.post.md';
      big.open(uri, `${SENTENCE.repeat(20)}\n`);
      const [finding] = (await big.diagnosticsFor(uri, 1)).filter((d) => d.code === 'length/file-size');
      assert.ok(finding);
      assert.deepEqual((await actionsAt(big, uri, finding)).map((a) => a.title), ['About length/file-size']);
    } finally {
      await big.shutdown();
    }
  });
});

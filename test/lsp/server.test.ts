import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { TestLspClient } from '../helpers/lspClient';

const LONG_EN = 'We rebuilt onboarding this quarter and learned a lot about what new teams need. '.repeat(5);

describe('language server over stdio (dist/server.js)', () => {
  let client: TestLspClient;
  beforeEach(async () => {
    client = new TestLspClient({ settings: { platform: 'x' } });
    await client.initialize();
  });
  afterEach(() => client.shutdown());

  it('publishes length findings on open with the rule code, source and docs link', async () => {
    const uri = 'file:///tmp/launch.post.md';
    client.open(uri, `${LONG_EN}What do you think?\n`);
    const diagnostics = await client.diagnosticsFor(uri, 1);
    const length = diagnostics.find((d) => d.code === 'length');
    assert.ok(length, JSON.stringify(diagnostics));
    assert.equal(length.source, 'postlint');
    assert.equal(length.severity, 1);
    assert.match(length.message as string, /^\d+\/280: the last \d+ characters don't fit on X\.$/);
    // The page shipped beside the server, which exists: not a web address that may not.
    const href = length.codeDescription?.href ?? '';
    assert.match(href, /^file:\/\/.*\/docs\/rules\/length\.md$/);
    assert.ok(existsSync(fileURLToPath(href)), href);
    assert.equal(length.range.start.line, 0);
    assert.ok(length.range.start.character > 200);
  });

  it('the length message names the number of characters its underline covers, and the weighting', async () => {
    const uri = 'file:///tmp/zh-length.post.md';
    const text = `---\nplatform: x\n---\n${'我们花了三个月，把每一条帖子都当成一次对话来写。'.repeat(7)}\n`;
    client.open(uri, text);
    const length = (await client.diagnosticsFor(uri, 1)).find((d) => d.code === 'length')!;
    assert.ok(length);
    const lines = text.split('\n');
    assert.equal(length.range.start.line, length.range.end.line);
    const underlined = lines[length.range.start.line].slice(length.range.start.character, length.range.end.character);
    const named = Number(/the last (\d+) characters/.exec(length.message as string)?.[1]);
    assert.equal(named, Array.from(underlined).length, `${length.message} / ${underlined}`);
    assert.match(length.message as string, /X counts each Chinese character as 2: \d+ characters over/);
  });

  it('re-lints on incremental change and clears on close', async () => {
    const uri = 'file:///tmp/edit.post.md';
    const text = `${LONG_EN}What do you think?`;
    client.open(uri, text);
    assert.ok((await client.diagnosticsFor(uri, 1)).some((d) => d.code === 'length'));
    const version = client.replace(uri, 'Short and sweet. What do you think?', text);
    assert.ok(!(await client.diagnosticsFor(uri, version)).some((d) => d.code === 'length'));
    client.close(uri);
    const cleared = await client.diagnostics(uri, (p) => p.diagnostics.length === 0 && p.version === undefined);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('answers postlint/stats with the count the status bar shows', async () => {
    const uri = 'file:///tmp/stats.post.md';
    client.open(uri, '---\nplatform: weibo\n---\n你好，世界！你们怎么看？\n');
    await client.diagnosticsFor(uri, 1);
    const stats = (await client.connection.sendRequest('postlint/stats', { uri })) as { platforms: { platform: string; length: number; limit: number; fold?: number }[]; over: boolean };
    assert.deepEqual(stats.platforms[0], { platform: 'weibo', name: 'Weibo', length: 12, limit: 2000, fold: 140 });
    assert.equal(stats.over, false);
  });

  it('maps positions in UTF-16 with emoji, CJK, CRLF and a BOM', async () => {
    const uri = 'file:///tmp/utf16.post.md';
    const family = '👨‍👩‍👧';
    const text = `\ufeff---\r\nplatform: x\r\n---\r\n${family}${'汉'.repeat(150)}\r\nWhat do you think?`;
    client.open(uri, text);
    const length = (await client.diagnosticsFor(uri, 1)).find((d) => d.code === 'length');
    assert.ok(length);
    // Line 3 starts with an 8-unit ZWJ family (weight 2) then CJK (weight 2 each): 139 CJK fit after it.
    assert.deepEqual(length.range.start, { line: 3, character: family.length + 139 });
  });
});

describe('language server: only posts are linted', () => {
  it('leaves a plain Markdown file alone even when an editor sends it', async () => {
    const client = new TestLspClient({});
    await client.initialize();
    try {
      const readme = 'file:///tmp/README.md';
      const post = 'file:///tmp/after.post.md';
      client.open(readme, `${'A long readme line. '.repeat(30)}`, 'markdown');
      client.open(post, `${'A long post line. '.repeat(30)}`, 'markdown');
      // Posts are linted in order of arrival, so once the post is published the README would have been too.
      assert.ok((await client.diagnosticsFor(post, 1)).some((d) => d.code === 'length'));
      assert.deepEqual(client.publications(readme), []);
    } finally {
      await client.shutdown();
    }
  });
});

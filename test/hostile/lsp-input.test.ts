// What a client or a workspace can send the built language server (over stdio) that once stopped it:
// prototype names as ids, settings nested thousands deep, a document whose text is not a string,
// team patterns that take seconds, thousands of open posts, requests after `shutdown`. After each,
// the server must still answer another document; nothing is timed (mocha's timeout is the bound).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { CodeAction, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../helpers/lspClient';
import { applyTextEdits, editsFor } from '../helpers/workspaceEdits';
import { repeatTo } from './shapes';

const SMALL = 'We shipped the new editor today. Buy now!!! What would you try first?\n';

/** Opens a small post, waits for its diagnostics and hovers one of them: proof the server is answering. */
async function assertAnswering(client: TestLspClient, name: string): Promise<void> {
  const uri = `file:///tmp/hostile-lsp/${name}.post.md`;
  client.open(uri, SMALL);
  const diagnostics = await client.diagnosticsFor(uri, 1);
  const finding = diagnostics.find((d) => d.code === 'hard-selling');
  assert.ok(finding, `hard-selling among ${JSON.stringify(diagnostics.map((d) => d.code))}`);
  const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: finding.range.start })) as Hover | null;
  assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /hard-selling/);
}

/** Writes one JSON-RPC message as raw text: JSON.stringify cannot print a value nested 8,000 deep. */
function sendRaw(client: TestLspClient, json: string): void {
  client.process.stdin.write(`Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`);
}

function nestedJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** A server whose client pushes settings (no workspace/configuration), as some editors do. */
async function pushingClient(): Promise<TestLspClient> {
  const client = new TestLspClient();
  await client.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: {} }, workspaceFolders: null });
  await client.connection.sendNotification('initialized', {});
  return client;
}

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

describe('hostile input to the language server', function () {
  this.timeout(60_000);
  let client: TestLspClient;
  afterEach(() => client.shutdown());

  it('prototype names typed as the platform in front matter and set in the settings: reported, never fatal', async () => {
    client = new TestLspClient({ settings: { platform: 'constructor', platforms: { toString: { limit: 3 } }, rules: { valueOf: 'off', 'formatting/hashtags': { hasOwnProperty: 1 } } } });
    await client.initialize();
    const uri = 'file:///tmp/hostile-lsp/typed.post.md';
    const typed = (name: string) => `---\nplatform: ${name}\n---\n${SMALL}`;
    client.open(uri, typed(''));
    let previous = typed('');
    let version = 1;
    for (const name of ['c', 'co', 'constructor', '__proto__', 'toString', 'valueOf']) {
      version = client.replace(uri, typed(name), previous);
      previous = typed(name);
    }
    const diagnostics = await client.diagnosticsFor(uri, version);
    assert.ok(diagnostics.some((d) => d.code === 'formatting/front-matter' && /unknown platform \\"valueOf\\"/.test(JSON.stringify(d.message))), JSON.stringify(diagnostics));
    await assertAnswering(client, 'after-typing');
    const problems = client.notifications.filter((n) => n.method === 'postlint/configProblems').flatMap((n) => (n.params as { problems: { key: string }[] }).problems.map((p) => p.key));
    for (const key of ['postlint.platform', 'postlint.platforms.toString', 'postlint.rules.valueOf', 'postlint.rules.formatting/hashtags.hasOwnProperty']) assert.ok(problems.includes(key), `${key} in ${problems}`);
  });

  it('settings nested 8,000 deep under platform, locale, words.allow and patterns: named, and the rest applies', async () => {
    client = await pushingClient();
    const deep = nestedJson(8000);
    sendRaw(
      client,
      `{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{"postlint":{"platform":${deep},"locale":${deep},"words":{"allow":[${deep}]},"patterns":[${deep}],"rules":{"no-media":"off"}}}}}`,
    );
    const uri = 'file:///tmp/hostile-lsp/deep-settings.post.md';
    client.open(uri, SMALL);
    const diagnostics = await client.diagnosticsFor(uri, 1);
    assert.ok(!diagnostics.some((d) => d.code === 'no-media'), 'postlint.rules still applies');
    await assertAnswering(client, 'after-deep-settings');
    const problems = client.notifications.filter((n) => n.method === 'postlint/configProblems').flatMap((n) => (n.params as { problems: { key: string; message: string }[] }).problems);
    for (const key of ['postlint.platform', 'postlint.locale', 'postlint.words', 'postlint.patterns']) {
      assert.ok(problems.some((p) => p.key === key && /nests more than \d+ levels/.test(p.message)), `${key} in ${JSON.stringify(problems)}`);
    }
  });

  it('didOpen with a text that is not a string (a number, null, an object) is ignored', async () => {
    client = new TestLspClient();
    await client.initialize();
    for (const [i, text] of [42, null, { a: 1 }, ['x']].entries()) {
      void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: `file:///tmp/hostile-lsp/not-text-${i}.post.md`, languageId: 'postmd', version: 1, text } });
    }
    await assertAnswering(client, 'after-not-text');
    assert.equal(client.process.exitCode, null, 'the server is still running');
  });

  it('team patterns that cost seconds are refused or switched off by name, and another document is answered', async () => {
    const patterns = [
      { pattern: `(?<=${'a?'.repeat(300)})b`, message: 'Lookbehind.' },
      { pattern: '[\\p{L}\\p{N}]{1000}', message: 'Long run.', rewrite: 'x' },
      { pattern: `(?<=${'a?'.repeat(150)})b`, message: 'Shorter lookbehind.' },
    ];
    client = new TestLspClient({ settings: { patterns } });
    await client.initialize();
    const heavy = 'file:///tmp/hostile-lsp/heavy-patterns.post.md';
    client.open(heavy, repeatTo('ab aab abab ', 30_000));
    await assertAnswering(client, 'beside-heavy-patterns');
    await client.diagnosticsFor(heavy, 1);
    const problems = client.notifications.filter((n) => n.method === 'postlint/configProblems').flatMap((n) => (n.params as { problems: { key: string; message: string }[] }).problems);
    for (const index of [0, 1]) {
      assert.ok(problems.some((p) => p.key === `postlint.patterns[${index}].pattern` && /compiles to a program of \d+ steps/.test(p.message)), JSON.stringify(problems));
    }
  });

  it('300 open posts in one folder share one settings object: the server grows by less than 60 MB', async function () {
    client = new TestLspClient({ settings: { platform: 'weibo', words: { allow: ['shared'] } }, workspaceFolders: [{ uri: 'file:///tmp/hostile-lsp/many', name: 'many' }] });
    await client.initialize();
    const first = 'file:///tmp/hostile-lsp/many/first.post.md';
    client.open(first, SMALL);
    await client.diagnosticsFor(first, 1);
    const before = rssMb(client.process.pid!);
    const uris = Array.from({ length: 300 }, (_, i) => `file:///tmp/hostile-lsp/many/post-${i}.post.md`);
    uris.forEach((uri, i) => client.open(uri, `${SMALL}Post ${i}.\n`));
    const published: Diagnostic[][] = [];
    for (const uri of uris) published.push(await client.diagnosticsFor(uri, 1));
    assert.equal(published.length, 300);
    const grown = rssMb(client.process.pid!) - before;
    assert.ok(grown < 60, `the server grew by ${grown.toFixed(0)} MB for 300 posts`);
  });

  for (const [kind, block] of [
    ['fenced', `\`\`\`\n${'const line = "a long line of code in the post";\n'.repeat(12)}\`\`\`\n`],
    ['indented', `${'    const line = "a long line of code in the post";\n'.repeat(12)}`],
  ]) {
    it(`"disable for this line" on a finding inside a ${kind} code block puts the comments outside the block, and the finding goes`, async () => {
      client = new TestLspClient();
      await client.initialize();
      const uri = `file:///tmp/hostile-lsp/code-${kind}.post.md`;
      const text = `We wrote this up.\n\n${block}\nWhat do you think?\n`;
      client.open(uri, text);
      const diagnostics = await client.diagnosticsFor(uri, 1);
      const length = diagnostics.find((d) => d.code === 'length');
      assert.ok(length && length.range.start.line > 2, `a length finding inside the block: ${JSON.stringify(diagnostics.map((d) => [d.code, d.range.start]))}`);
      const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: length.range, context: { diagnostics: [length] } })) as CodeAction[];
      const disable = actions.find((a) => a.title === 'Disable length for this line');
      assert.ok(disable, actions.map((a) => a.title).join(', '));
      const fixed = applyTextEdits(text, editsFor(disable.edit, uri));
      assert.ok(fixed.includes(`<!-- postlint-disable length -->\n${block.split('\n')[0]}`), fixed);
      assert.ok(fixed.includes(`${block.trimEnd().split('\n').pop()}\n<!-- postlint-enable length -->`), fixed);
      const version = client.replace(uri, fixed, text);
      const after = await client.diagnosticsFor(uri, version);
      assert.ok(!after.some((d) => d.code === 'length'), JSON.stringify(after.map((d) => d.code)));
    });
  }

  it('answers no request after shutdown', async () => {
    client = new TestLspClient();
    await client.initialize();
    const uri = 'file:///tmp/hostile-lsp/before-shutdown.post.md';
    client.open(uri, SMALL);
    const [finding] = await client.diagnosticsFor(uri, 1);
    await client.connection.sendRequest('shutdown');
    await assert.rejects(client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: finding.range.start }), (error: { code?: number }) => error.code === -32600);
    await assert.rejects(client.connection.sendRequest('postlint/stats', { uri }), (error: { code?: number }) => error.code === -32600);
  });
});

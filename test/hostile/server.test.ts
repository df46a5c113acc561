// Hostile documents and an edit storm through the built language server over stdio. Every case is
// bounded by structure: the server must answer a second, small document (and a stats request) while
// or right after it works on the hostile one, within mocha's timeout; nothing is timed.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { lint } from '../../server/src/engine';
import { TestLspClient } from '../helpers/lspClient';
import { deeplyNested, repeatTo } from './shapes';

const MB = 1024 * 1024;
const SMALL = 'We shipped the new editor today. What would you try first?\n';

/** The server's resident memory, from /proc (Linux); undefined elsewhere. */
function rssKb(pid: number): number | undefined {
  try {
    const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens a small document and waits for its diagnostics and its stats: proof the server is answering. */
async function assertResponsive(client: TestLspClient, name: string): Promise<void> {
  const uri = `file:///tmp/hostile/${name}.post.md`;
  client.open(uri, SMALL);
  await client.diagnosticsFor(uri, 1);
  const stats = (await client.connection.sendRequest('postlint/stats', { uri })) as { platforms: unknown[] } | null;
  assert.ok(stats && stats.platforms.length > 0, 'stats answered');
}

describe('hostile documents in the language server', function () {
  this.timeout(60_000);
  let client: TestLspClient;
  beforeEach(async () => {
    client = new TestLspClient();
    await client.initialize();
  });
  afterEach(() => client.shutdown());

  it('answers a 10 MB post with one information finding, and a small post opened right after it', async () => {
    const big = 'file:///tmp/hostile/ten-mb.post.md';
    client.open(big, repeatTo('We shipped it. 立即下单！👨‍👩‍👧‍👦 https://example.com\n', 10 * MB));
    await assertResponsive(client, 'beside-ten-mb');
    const diagnostics = await client.diagnosticsFor(big, 1);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['length/file-size', 3]]);
  });

  it('lints a post just under the 1 MB limit in full and still answers a small post opened meanwhile', async () => {
    const heavy = 'file:///tmp/hostile/heavy.post.md';
    const text = repeatTo('我们今天发布了新版本，欢迎留言告诉我们你的想法。立即下单！We shipped it today. Buy now, link in bio. 👨‍👩‍👧‍👦\n\n', 300_000);
    client.open(heavy, text);
    await assertResponsive(client, 'beside-heavy');
    const diagnostics = await client.diagnosticsFor(heavy, 1);
    assert.ok(diagnostics.length > 100 && !diagnostics.some((d) => d.code === 'length/file-size'), `${diagnostics.length} findings`);
  });

  it('answers a single line of one million characters, binary garbage and 10,000-level nesting', async () => {
    const documents: Record<string, string> = {
      'one-line': repeatTo('We shipped 新版本 at https://example.com/a?b=c ', 1_000_000),
      // What an editor shows for a binary file forced open as text: NULs and replacement characters.
      binary: new TextDecoder().decode(randomBytes(256 * 1024)),
      ...deeplyNested(10_000),
    };
    for (const [name, text] of Object.entries(documents)) client.open(`file:///tmp/hostile/${encodeURIComponent(name)}.post.md`, text);
    await assertResponsive(client, 'beside-nested');
    for (const name of Object.keys(documents)) await client.diagnosticsFor(`file:///tmp/hostile/${encodeURIComponent(name)}.post.md`, 1);
  });
});

describe('edit storm: 1,000 changes in 2 seconds on a 50 KB post', function () {
  this.timeout(120_000);
  const EDITS = 1000;
  const uri = 'file:///tmp/hostile/storm.post.md';
  const initial = repeatTo('我们今天发布了新版本。What do you think? 立即下单！👍🏽\n\n', 50_000);

  /** Types `EDITS` characters at spread-out places over about two seconds; returns the final text and version. */
  async function storm(client: TestLspClient, start: string): Promise<{ text: string; version: number }> {
    let text = start;
    let version = 0;
    for (let i = 0; i < EDITS; i++) {
      // A line start keeps the position valid whatever the characters around it are (no split surrogate pairs).
      const lines = text.split('\n');
      const line = (i * 7919) % lines.length;
      const inserted = i % 3 === 0 ? '汉' : i % 3 === 1 ? 'a' : '\n';
      version = client.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: inserted }]);
      lines[line] = inserted + lines[line];
      text = lines.join('\n');
      // Bursts with short gaps, and now and then a pause longer than the debounce, so that some
      // versions in the middle of the storm get linted and published while newer edits arrive.
      if (i % 250 === 249) await sleep(200);
      else if (i % 10 === 9) await sleep(10);
    }
    return { text, version };
  }

  it('publishes only the newest version, never an older one after a newer, stays responsive, and does not grow', async () => {
    const client = new TestLspClient();
    try {
      await client.initialize();
      client.open(uri, initial);
      await client.diagnosticsFor(uri, 1);

      const first = await storm(client, initial);
      await client.diagnostics(uri, (p) => p.version === first.version, 30_000);
      await assertResponsive(client, 'after-first-storm');
      const rssAfterFirst = rssKb(client.process.pid!);

      const second = await storm(client, first.text);
      const finalDiagnostics = (await client.diagnostics(uri, (p) => p.version === second.version, 30_000)).diagnostics;
      await assertResponsive(client, 'after-second-storm');
      const rssAfterSecond = rssKb(client.process.pid!);

      const versions = client.publications(uri).map((p) => p.version ?? -1);
      assert.ok(versions.every((v, i) => i === 0 || v > versions[i - 1]), `publications out of order: ${versions.join(', ')}`);
      assert.equal(versions[versions.length - 1], second.version);

      // The server's copy after 2,000 incremental edits is the text we typed: same findings as the engine's.
      const expected = lint(second.text, { locale: 'en' }).diagnostics.map((d) => ({ code: d.rule, range: d.range }));
      assert.deepEqual(finalDiagnostics.map((d: Diagnostic) => ({ code: d.code, range: d.range })), expected);

      if (rssAfterFirst !== undefined && rssAfterSecond !== undefined) {
        // A thousand more edits may leave garbage not yet collected, never a copy per version.
        const growthMb = (rssAfterSecond - rssAfterFirst) / 1024;
        assert.ok(growthMb < 100, `RSS ${rssAfterFirst} KB after the first storm, ${rssAfterSecond} KB after the second`);
      }
    } finally {
      await client.shutdown();
    }
  });
});

describe('the server never outlives its editor', function () {
  this.timeout(30_000);
  const exited = (client: TestLspClient) => new Promise<number | null>((resolve) => client.process.once('exit', (code) => resolve(code)));

  it('exits when the editor closes the pipe', async () => {
    const client = new TestLspClient();
    await client.initialize();
    const exit = exited(client);
    client.process.stdin.end();
    await exit;
  });

  it('exits when the editor process dies without a word, so a restarted client never finds two servers', async () => {
    const editor = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    const client = new TestLspClient();
    try {
      await client.connection.sendRequest('initialize', { processId: editor.pid, rootUri: null, capabilities: {} });
      await client.connection.sendNotification('initialized', {});
      const exit = exited(client);
      editor.kill('SIGKILL');
      // vscode-languageserver polls the editor's process id every few seconds.
      await exit;
    } finally {
      editor.kill('SIGKILL');
      client.connection.dispose();
      client.process.kill();
    }
  });
});

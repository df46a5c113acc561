import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { postlintOnly, TestLspClient } from '../helpers/lspClient';
import { tempWorkspace } from '../helpers/workspace';

const POST = 'Our app now runs on android. Tell us what breaks.\n\n![A screenshot](a.png)\n';
const ANDROID = { pattern: '\\bandroid\\b', message: 'Write Android with a capital A.' };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const codes = (diagnostics: { code?: string | number }[]) => postlintOnly(diagnostics as never).map((d) => d.code);

describe('language server settings (dist/server.js)', () => {
  let client: TestLspClient | undefined;
  afterEach(() => client?.shutdown());

  it('re-lints open posts when settings change, without a reload', async () => {
    let settings: Record<string, unknown> = {};
    client = new TestLspClient({ settings: () => settings });
    await client.initialize();
    const uri = 'file:///tmp/relint.post.md';
    client.open(uri, POST);
    assert.ok(!codes(await client.diagnosticsFor(uri, 1)).includes('formatting/pattern'));
    settings = { patterns: [ANDROID] };
    const before = client.publications(uri).length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const after = await client.diagnostics(uri, (p) => client!.publications(uri).indexOf(p) >= before);
    assert.ok(codes(after.diagnostics).includes('formatting/pattern'));
  });

  it('postlint.run onSave lints on open and save, not while typing', async () => {
    client = new TestLspClient({ settings: { run: 'onSave', debounceMs: 0 } });
    await client.initialize();
    const uri = 'file:///tmp/onsave.post.md';
    client.open(uri, POST);
    await client.diagnosticsFor(uri, 1);
    const version = client.replace(uri, 'Changed.', POST);
    await sleep(400);
    assert.ok(!client.publications(uri).some((p) => p.version === version), 'linted while typing');
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    await client.diagnosticsFor(uri, version);
  });

  it('postlint.debounceMs delays the lint after a change', async () => {
    client = new TestLspClient({ settings: { debounceMs: 1500 } });
    await client.initialize();
    const uri = 'file:///tmp/debounce.post.md';
    client.open(uri, POST);
    await client.diagnosticsFor(uri, 1);
    const changedAt = Date.now();
    const version = client.replace(uri, 'Changed.', POST);
    await client.diagnosticsFor(uri, version);
    assert.ok(Date.now() - changedAt >= 1400, `published after ${Date.now() - changedAt} ms`);
  });

  it('sends settings problems once per change, in the message language, and lints with defaults', async () => {
    let settings: Record<string, unknown> = { platform: 'myspace', patterns: [{ pattern: '(?=x)', message: 'm' }, ANDROID] };
    client = new TestLspClient({ settings: () => settings, locale: 'zh-cn' });
    await client.initialize();
    client.open('file:///tmp/p/a.post.md', POST);
    client.open('file:///tmp/p/b.post.md', POST);
    const a = await client.diagnosticsFor('file:///tmp/p/a.post.md', 1);
    await client.diagnosticsFor('file:///tmp/p/b.post.md', 1);
    assert.ok(codes(a).includes('formatting/pattern'), 'the valid pattern still runs');
    const sent = () => client!.notifications.filter((n) => n.method === 'postlint/configProblems');
    assert.equal(sent().length, 1);
    const { problems } = sent()[0].params as { problems: { key: string; message: string }[] };
    assert.deepEqual(problems.map((p) => p.key), ['postlint.platform', 'postlint.patterns[0].pattern']);
    assert.match(problems[0].message, /未知平台/);
    settings = { ...settings, platform: 'weibo' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.diagnostics('file:///tmp/p/a.post.md', () => sent().length === 2);
    assert.deepEqual((sent()[1].params as { problems: { key: string }[] }).problems.map((p) => p.key), ['postlint.patterns[0].pattern']);
  });

  it('in Restricted Mode ignores patterns and word lists, saying so, until trust is granted', async () => {
    const root = tempWorkspace({ 'lists/allow.json': '{ "hooks": ["tell us what breaks"] }' });
    const folder = pathToFileURL(root).href;
    client = new TestLspClient({
      settings: { patterns: [ANDROID], wordLists: ['lists/allow.json'] },
      workspaceFolders: [{ uri: folder, name: 'ws' }],
      initializationOptions: { trusted: false },
    });
    await client.initialize();
    const uri = `${folder}/a.post.md`;
    client.open(uri, POST);
    assert.ok(!codes(await client.diagnosticsFor(uri, 1)).includes('formatting/pattern'));
    const notice = client.notifications.find((n) => n.method === 'postlint/configProblems')!.params as { problems: { key: string; message: string }[] };
    assert.deepEqual(notice.problems.map((p) => p.key), ['postlint.wordLists', 'postlint.patterns']);
    assert.match(notice.problems[1].message, /Restricted Mode/);
    const before = client.publications(uri).length;
    await client.connection.sendNotification('postlint/workspaceTrust', { trusted: true });
    const trusted = await client.diagnostics(uri, (p) => client!.publications(uri).indexOf(p) >= before);
    assert.ok(codes(trusted.diagnostics).includes('formatting/pattern'));
  });

  it('reads word lists from the workspace folder and re-lints within a second when one changes', async () => {
    const root = tempWorkspace({ 'lists/team.yaml': 'hardSelling: []\n' });
    const folder = pathToFileURL(root).href;
    client = new TestLspClient({ settings: { wordLists: ['lists/team.yaml', 'lists/missing.json'] }, workspaceFolders: [{ uri: folder, name: 'ws' }] });
    await client.initialize();
    const uri = `${folder}/drafts/a.post.md`;
    client.open(uri, POST);
    assert.ok(!codes(await client.diagnosticsFor(uri, 1)).includes('hard-selling'));
    const notice = client.notifications.find((n) => n.method === 'postlint/configProblems')!.params as { problems: { key: string; message: string }[] };
    assert.deepEqual(notice.problems, [{ key: 'postlint.wordLists[1]', message: '"lists/missing.json": does not exist; check the path, which is relative to the workspace folder.' }]);

    const before = client.publications(uri).length;
    const editedAt = Date.now();
    writeFileSync(join(root, 'lists', 'team.yaml'), 'hardSelling:\n  - phrase: runs on android\n');
    const relinted = await client.diagnostics(uri, (p) => client!.publications(uri).indexOf(p) >= before, 5000);
    const elapsed = Date.now() - editedAt;
    assert.ok(codes(relinted.diagnostics).includes('hard-selling'), JSON.stringify(relinted.diagnostics));
    assert.ok(elapsed < 1000, `re-linted after ${elapsed} ms`);
  });

  it('asks the editor for word lists in a folder not on the disk, refuses links and paths out, and re-reads on a watched change', async () => {
    // A virtual workspace (github.dev, or a repository opened without a clone): no file: path to read.
    const folder = 'vscode-vfs://github/acme/posts';
    const files: Record<string, string | { problem: string }> = {
      [`${folder}/lists/team.yaml`]: 'hardSelling: []\n',
      [`${folder}/lists/link.json`]: { problem: 'symlink' },
    };
    client = new TestLspClient({ settings: { wordLists: ['lists/team.yaml', 'lists/link.json', '../other/secret.json'] }, workspaceFolders: [{ uri: folder, name: 'posts' }] });
    const asked: string[] = [];
    client.connection.onRequest('postlint/readWordList', ({ uri }: { uri: string }): unknown => {
      asked.push(uri);
      const file = files[uri];
      return typeof file === 'string' ? { text: file } : (file ?? { problem: 'missing' });
    });
    const watched: unknown[] = [];
    client.connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions: unknown }[] }) => {
      for (const r of params.registrations) if (r.method === 'workspace/didChangeWatchedFiles') watched.push(r.registerOptions);
      return null;
    });
    await client.initialize();
    const uri = `${folder}/drafts/a.post.md`;
    client.open(uri, POST);
    assert.ok(!codes(await client.diagnosticsFor(uri, 1)).includes('hard-selling'));
    assert.deepEqual(asked.sort(), [`${folder}/lists/link.json`, `${folder}/lists/team.yaml`], 'the path out of the folder is never asked for');
    const notice = client.notifications.find((n) => n.method === 'postlint/configProblems')!.params as { problems: { key: string; message: string }[] };
    assert.deepEqual(
      notice.problems.map((p) => p.key),
      ['postlint.wordLists[1]', 'postlint.wordLists[2]'],
    );
    assert.match(notice.problems[0].message, /"lists\/link\.json": is a symbolic link/);
    assert.match(notice.problems[1].message, /"\.\.\/other\/secret\.json": is outside the workspace folder/);
    assert.deepEqual(watched.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))), [
      { watchers: [{ globPattern: { baseUri: folder, pattern: 'lists/link.json' } }] },
      { watchers: [{ globPattern: { baseUri: folder, pattern: 'lists/team.yaml' } }] },
    ]);

    const before = client.publications(uri).length;
    files[`${folder}/lists/team.yaml`] = 'hardSelling:\n  - phrase: runs on android\n';
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `${folder}/lists/team.yaml`, type: 2 }] });
    const relinted = await client.diagnostics(uri, (p) => client!.publications(uri).indexOf(p) >= before, 5000);
    assert.ok(codes(relinted.diagnostics).includes('hard-selling'), JSON.stringify(relinted.diagnostics));
  });
});

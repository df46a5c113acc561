// dist/server.js, the language server's entry point: it runs the server bundle from V8's code cache.
// The cache may only make the start cheaper, never change what the server says.
import assert from 'node:assert/strict';
import { basename, join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver';
import { cacheFiles, freshHome } from '../helpers/home';
import { TestLspClient } from '../helpers/lspClient';
import { REPO_ROOT } from '../helpers/paths';

/** A session an editor ends properly, so that the server's exit handlers run. */
async function session(env: NodeJS.ProcessEnv, text: string): Promise<Diagnostic[]> {
  const client = new TestLspClient({ env });
  await client.initialize();
  const uri = 'file:///launch/launch.post.md';
  client.open(uri, text);
  const diagnostics = await client.diagnosticsFor(uri, 1);
  assert.equal(await client.exit(), 0, client.stderr);
  return diagnostics;
}

describe('the language server start (dist/server.js)', () => {
  it('writes a code cache per user at its first exit, then starts from it unchanged and says the same', async () => {
    const env = { ...process.env, ...freshHome() };
    const text = readFileSync(join(REPO_ROOT, 'examples', 'launch.post.md'), 'utf8');
    assert.deepEqual(cacheFiles(env), []);

    const first = await session(env, text);
    const written = cacheFiles(env);
    assert.equal(written.length, 1, 'the first session writes the cache');
    assert.match(basename(written[0].path), /^server-/);

    const second = await session(env, text);
    // V8 accepted the cache: a rejected one would have been written anew.
    assert.deepEqual(cacheFiles(env), written);
    assert.ok(first.length > 0);
    assert.deepEqual(second, first);
  });
});

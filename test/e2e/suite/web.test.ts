import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient';
import { webRun } from '../web/webRun';
import { closeWithoutSaving, EXTENSION_ID, openPost, postlintApi, setSetting, waitFor, waitForFindings, workspaceUri } from './helpers';
import { LAUNCH_POST, lengthFinding, toneFinding } from './launchPost';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

// Where vscode.dev and github.dev run extensions: a browser web worker, with no Node at all.
describe('postlint in the web worker (the browser entry)', () => {
  afterEach(closeWithoutSaving);

  it('runs in a browser web worker with no Node: no process, the browser entry, a UI extension', async () => {
    await postlintApi();
    assert.equal(typeof process, 'undefined', 'no Node `process` in this extension host');
    assert.equal(globalThis.constructor.name, 'DedicatedWorkerGlobalScope');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension?.isActive);
    assert.equal(extension.extensionKind, vscode.ExtensionKind.UI);
    assert.equal((extension.packageJSON as { browser?: string }).browser, './dist/web/client.js');
  });

  it(webRun().packaged ? 'is the installed .vsix: both entries bundled, no sources or source maps' : 'is the development folder', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const at = (path: string) => vscode.Uri.joinPath(extension.extensionUri, path);
    for (const shipped of ['dist/web/client.js', 'dist/web/server.js', 'dist/client.js', 'dist/postlint-server.js']) {
      const bytes = await vscode.workspace.fs.readFile(at(shipped));
      assert.ok(bytes.byteLength > 100_000, `${shipped} is there, a bundle (${bytes.byteLength} bytes)`);
    }
    // The Node server's entry point is a launcher that runs postlint-server.js from V8's code cache.
    const launcher = new TextDecoder().decode(await vscode.workspace.fs.readFile(at('dist/server.js')));
    assert.match(launcher, /postlint-server\.js/, 'dist/server.js is there and runs the server bundle');
    // test-web serves the extension over http, where a missing file cannot be told from a present one.
    if (webRun().packaged && webRun().launcher === 'code-server') {
      for (const left of ['client/src/extension.ts', 'server/src/server.ts', 'node_modules/vscode-uri/package.json', 'dist/web/server.js.map']) {
        assert.ok(!(await exists(at(left))), `${left} is not in the package`);
      }
    } else if (!webRun().packaged) {
      assert.ok(await exists(at('client/src/browser.ts')), extension.extensionUri.toString());
    }
  });

  it('"postlint: Restart Server" starts a new server worker that lints the open post', async () => {
    const api = await postlintApi();
    const editor = await openPost(LAUNCH_POST);
    const { document } = editor;
    await waitForFindings(document.uri, [toneFinding(document), lengthFinding(document, 280)]);
    const stopped = new Promise<void>((resolve) => {
      const listener = api.client.onDidChangeState((change) => {
        if (change.newState === State.Stopped) {
          listener.dispose();
          resolve();
        }
      });
    });
    await vscode.commands.executeCommand('postlint.restartServer');
    await stopped;
    await waitFor(() => api.client.isRunning(), Boolean, 'the restarted server');
    await editor.edit((edit) => edit.delete(new vscode.Range(2, 0, 4, 0)));
    await waitForFindings(document.uri, [toneFinding(document)], 'findings from the new server');
  });

  it('reads word lists through the editor and re-lints when one changes', async () => {
    const list = workspaceUri('lists/web-team.json');
    await writeText(list, JSON.stringify({ allow: ['is pleased to announce'] }));
    const undo = await setSetting('wordLists', ['lists/web-team.json']);
    try {
      const { document } = await openPost(LAUNCH_POST);
      await waitForFindings(document.uri, [lengthFinding(document, 280)], 'the phrase the word list allows not flagged');
      // Watched with workspace/didChangeWatchedFiles: no settings change, only the file.
      await writeText(list, JSON.stringify({ allow: [] }));
      await waitForFindings(document.uri, [toneFinding(document), lengthFinding(document, 280)], 'the phrase flagged again after the list changed');
    } finally {
      await undo();
      await vscode.workspace.fs.delete(list);
    }
  });
});

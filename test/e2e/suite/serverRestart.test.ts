import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { PostlintApi } from '../../../client/src/extension';
import { closeWithoutSaving, openPost, postlintApi, waitFor, waitForFindings } from './helpers';
import { LAUNCH_POST, lengthFinding, toneFinding } from './launchPost';

/** The desktop client: the server runs in a Node process of its own. */
function nodeClient(api: PostlintApi): LanguageClient {
  return api.client as LanguageClient;
}

function serverPid(api: PostlintApi): number | undefined {
  return nodeClient(api).serverProcess?.pid;
}

/** Waits for a running server other than `previous`, and returns its process id. */
async function newServer(api: PostlintApi, previous: number): Promise<number> {
  const pid = await waitFor(() => (api.client.isRunning() ? serverPid(api) : undefined), (p) => p !== undefined && p !== previous, 'a new server process');
  return pid!;
}

/** Shortens the post and expects the length finding to go: proof that a live server lints this document. */
async function expectLiveFindings(editor: vscode.TextEditor): Promise<void> {
  const { document } = editor;
  await editor.edit((edit) => edit.delete(new vscode.Range(2, 0, 4, 0)));
  await waitForFindings(document.uri, [toneFinding(document)], 'findings for the edited post');
}

describe('language server lifecycle', () => {
  afterEach(closeWithoutSaving);

  it('a killed server is restarted and the findings come back', async () => {
    const api = await postlintApi();
    const editor = await openPost(LAUNCH_POST);
    await waitForFindings(editor.document.uri, [toneFinding(editor.document), lengthFinding(editor.document, 280)]);
    const before = serverPid(api);
    assert.ok(before, 'the server runs in its own process');

    const exited = new Promise((resolve) => nodeClient(api).serverProcess!.once('exit', resolve));
    process.kill(before, 'SIGKILL');
    await exited;
    // Edited while no server runs: the new one must be given the current text.
    await expectLiveFindings(editor);
    await newServer(api, before);
  });

  it('"postlint: Restart Server" starts a new server that lints the open posts', async () => {
    const api = await postlintApi();
    const editor = await openPost(LAUNCH_POST);
    await waitForFindings(editor.document.uri, [toneFinding(editor.document), lengthFinding(editor.document, 280)]);
    const before = serverPid(api)!;

    await vscode.commands.executeCommand('postlint.restartServer');
    await newServer(api, before);
    await expectLiveFindings(editor);
  });
});

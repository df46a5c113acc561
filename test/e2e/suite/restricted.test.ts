import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeWithoutSaving, openPost, postlintApi, waitForFindings } from './helpers';
import { LAUNCH_POST, lengthFinding, toneFinding } from './launchPost';

// The workspace's settings name Bluesky (an ordinary setting) and a pattern flagging "synergy"
// (a restricted one); its post says "synergy".
describe('restricted mode (untrusted workspace)', () => {
  afterEach(closeWithoutSaving);

  it('opens the workspace untrusted and still activates', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the launcher opens this workspace without trusting it');
    await postlintApi();
  });

  it('built-in rules and ordinary settings apply; the workspace patterns do not', async () => {
    const { document } = await openPost(LAUNCH_POST);
    assert.ok(document.getText().includes('synergy'));
    await waitForFindings(document.uri, [toneFinding(document), lengthFinding(document, 300)]);
  });
});

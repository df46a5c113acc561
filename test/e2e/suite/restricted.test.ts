import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeWithoutSaving, openPost, postlintApi, setSetting, waitFor, waitForFindings } from './helpers';
import { postlintOutput } from './outputLog';
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

  it('says in the output that the workspace\'s own postlint.patterns are ignored', async () => {
    await postlintApi();
    await waitFor(postlintOutput, (output) => /postlint\.patterns \(\.vscode\/settings\.json\): .*ignored in Restricted Mode/.test(output), 'the output channel to name the ignored workspace setting');
  });

  // VS Code itself hides a workspace's restricted settings from extensions in Restricted Mode (the
  // test above); the user's own patterns reach the server, which ignores them and says so.
  it('ignores the user\'s own postlint.patterns too, with a message in the output', async () => {
    const { document } = await openPost(LAUNCH_POST);
    await waitForFindings(document.uri, [toneFinding(document), lengthFinding(document, 300)]);
    const undo = await setSetting('patterns', [{ pattern: 'calmer', rule: 'press-release-tone', message: 'Say how it is calmer.' }], vscode.ConfigurationTarget.Global);
    try {
      await waitFor(postlintOutput, (output) => /postlint\.patterns: .*Restricted Mode/.test(output), 'the output channel to say the patterns are ignored');
      await waitForFindings(document.uri, [toneFinding(document), lengthFinding(document, 300)], 'no finding from the ignored pattern');
    } finally {
      await undo();
    }
  });
});

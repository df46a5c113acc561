import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeWithoutSaving, codeOf, openPost, postlintDiagnostics, waitForFindings } from './helpers';
import { LAUNCH_POST, LAUNCH_POST_LENGTH, lengthFinding, toneFinding } from './launchPost';

describe('hovers', () => {
  afterEach(closeWithoutSaving);

  it('hovering the length finding explains the rule and how the post was counted', async () => {
    const { document } = await openPost(LAUNCH_POST);
    await waitForFindings(document.uri, [toneFinding(document), lengthFinding(document, 280)]);
    const length = postlintDiagnostics(document.uri).find((d) => codeOf(d) === 'length')!;

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, length.range.start);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.ok(text.includes('postlint · length'), text);
    assert.ok(text.includes(`X ${LAUNCH_POST_LENGTH}/280`), `the count in the hover: ${text}`);
  });
});

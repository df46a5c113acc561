import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeWithoutSaving,
  codeOf,
  EXTENSION_ID,
  finding,
  openPost,
  postlintDiagnostics,
  rangeOf,
  typeAt,
  waitFor,
  waitForFindings,
} from './helpers';
import { LAUNCH_POST, LAUNCH_POST_LENGTH, lengthFinding, toneFinding } from './launchPost';

describe('diagnostics in the editor', () => {
  afterEach(closeWithoutSaving);

  it('opening a post activates the extension and shows its findings with codes and ranges', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.equal(extension?.isActive, false, 'not active before a post is open (activationEvents: onLanguage:postmd)');
    const { document } = await openPost(LAUNCH_POST);
    await waitFor(() => extension.isActive, Boolean, 'activation by opening a post');
    await waitForFindings(document.uri, [toneFinding(document), lengthFinding(document, 280)]);
    const length = postlintDiagnostics(document.uri).find((d) => codeOf(d) === 'length')!;
    assert.equal(length.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(length.message.startsWith(`${LAUNCH_POST_LENGTH}/280: `), length.message);
    const code = length.code as { value: string; target: vscode.Uri };
    // The code opens the rule's page shipped with the extension, through postlint's own command.
    assert.equal(`${code.target.scheme}:${code.target.path}`, 'command:postlint.openRuleDoc', 'the code links to the rule page');
    assert.equal((JSON.parse(code.target.query) as [{ rule: string }])[0].rule, 'length');
  });

  it('typing updates the findings', async () => {
    const editor = await openPost(LAUNCH_POST);
    const { document } = editor;
    await waitForFindings(document.uri, [toneFinding(document), lengthFinding(document, 280)]);

    // Delete the second paragraph: the post fits on X again.
    await editor.edit((edit) => edit.delete(new vscode.Range(2, 0, 4, 0)));
    await waitForFindings(document.uri, [toneFinding(document)], 'the length finding gone');

    // Type a call to buy at the start of the question.
    const question = rangeOf(document, 'Which step').start;
    await typeAt(editor, question, 'Buy now! ');
    await waitForFindings(
      document.uri,
      [toneFinding(document), finding('hard-selling', rangeOf(document, 'Buy now'))],
      'a finding for the typed phrase',
    );
  });

  it('reports UTF-16 ranges after emoji and CJK', async () => {
    const { document } = await openPost('emoji.post.md');
    const ours = rangeOf(document, '我司');
    // A family emoji is 8 UTF-16 code units (three people joined by two zero-width joiners).
    assert.deepEqual([ours.start.line, ours.start.character], [0, 8 + ' 全家都在用！'.length]);
    await waitForFindings(document.uri, [finding('press-release-tone', ours)]);
  });

  it('closing the post clears its findings', async () => {
    const { document } = await openPost(LAUNCH_POST);
    await waitForFindings(document.uri, [toneFinding(document), lengthFinding(document, 280)]);
    await closeWithoutSaving();
    await waitForFindings(document.uri, [], 'no findings after close');
  });
});

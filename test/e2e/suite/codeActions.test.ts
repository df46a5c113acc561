import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeWithoutSaving, codeOf, finding, openPost, postlintDiagnostics, rangeOf, typeAt, waitForFindings } from './helpers';
import { LAUNCH_POST, lengthFinding, toneFinding } from './launchPost';

async function quickFixesAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return actions.filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a);
}

describe('code actions', () => {
  afterEach(closeWithoutSaving);

  it('the preferred quick fix replaces the phrase with the rewrite its title promises', async () => {
    const { document } = await openPost(LAUNCH_POST);
    await waitForFindings(document.uri, [toneFinding(document), lengthFinding(document, 280)]);
    const tone = postlintDiagnostics(document.uri).find((d) => codeOf(d) === 'press-release-tone')!;

    // The editor lists the preferred fix first (the command's results carry no isPreferred flag).
    const [fix, ...others] = await quickFixesAt(document.uri, tone.range);
    const rewrite = fix && /^Replace with '(.+)'$/.exec(fix.title)?.[1];
    assert.ok(rewrite && fix.edit, `first a "Replace with '…'" fix with an edit; got: ${[fix, ...others].map((a) => a?.title).join(' | ')}`);

    const before = document.getText();
    const phrase = document.getText(tone.range);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.getText(), before.replace(phrase, rewrite));
    await waitForFindings(document.uri, [lengthFinding(document, 280)], 'the tone finding fixed');
  });

  it('"Select the text that doesn\'t fit" selects the length finding', async () => {
    const editor = await openPost(LAUNCH_POST);
    const { document } = editor;
    await waitForFindings(document.uri, [toneFinding(document), lengthFinding(document, 280)]);
    const length = postlintDiagnostics(document.uri).find((d) => codeOf(d) === 'length')!;
    const select = (await quickFixesAt(document.uri, length.range)).find((a) => a.command?.command === 'postlint.selectRange');
    assert.ok(select?.command, 'a quick fix that selects the overflow');
    await vscode.commands.executeCommand(select.command.command, ...(select.command.arguments ?? []));
    assert.equal(finding('length', editor.selection), finding('length', length.range));
  });

  it('"Allow \'…\' in this workspace" adds the phrase to the workspace settings and the finding goes', async () => {
    const { document } = await openPost(LAUNCH_POST);
    await waitForFindings(document.uri, [toneFinding(document), lengthFinding(document, 280)]);
    const tone = postlintDiagnostics(document.uri).find((d) => codeOf(d) === 'press-release-tone')!;
    const phrase = document.getText(tone.range);
    const allow = (await quickFixesAt(document.uri, tone.range)).find((a) => a.command?.command === 'postlint.allowPhrase');
    assert.ok(allow?.command, 'a quick fix that allows the phrase');

    const config = () => vscode.workspace.getConfiguration('postlint');
    const before = config().inspect<string[]>('words.allow')?.workspaceValue;
    try {
      await vscode.commands.executeCommand(allow.command.command, ...(allow.command.arguments ?? []));
      assert.deepEqual(config().inspect<string[]>('words.allow')?.workspaceValue, [...(before ?? []), phrase]);
      await waitForFindings(document.uri, [lengthFinding(document, 280)], 'the allowed phrase no longer flagged');
    } finally {
      await config().update('words.allow', before, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('source.fixAll.postlint applies every preferred fix on save', async () => {
    const editor = await openPost('fix-on-save.post.md');
    const { document } = editor;
    await waitForFindings(document.uri, [
      finding('press-release-tone', rangeOf(document, '我司')),
      finding('press-release-tone', rangeOf(document, '隆重推出')),
    ]);
    // Only a changed document is saved, and so only then do save participants run.
    await typeAt(editor, document.lineAt(0).range.end, '欢迎留言！');
    await vscode.commands.executeCommand('workbench.action.files.save');

    const expected = '🎉我们推出新版保温杯，你最想要哪个颜色？欢迎留言！\n';
    assert.equal(document.getText(), expected);
    assert.equal(document.isDirty, false);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(document.uri)), expected);
    await waitForFindings(document.uri, [], 'nothing left to fix');
  });
});

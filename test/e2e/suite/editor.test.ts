// What a copywriter meets in the editor, checked and kept as screenshots (the run's `screenshots/` folder):
// fix-all on save on a Weibo sale post, the light bulb at a flagged phrase, and a thread's count in the status bar.
// The workspace runs in Chinese (`postlint.locale`), with Weibo as the platform and fix-all on save.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { screenshot } from './driver';
import { codeOf, openPost, postlintApi, postlintDiagnostics, rangeOf, typeAt, waitFor } from './helpers';

/** The post from the report: half-width punctuation, a sale's urgency, no image, nothing to answer. */
const SALE = '限时抢购!全场五折,立即下单!错过今天再等一年,库存有限,手慢无!…扫码关注官方旗舰店,前100名下单还送定制杯套!';

/** The code action menu (the light bulb's list) in VS Code 1.100's workbench. */
const ACTION_MENU = '.action-widget';

async function quickFixesAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    new vscode.Range(position, position),
    vscode.CodeActionKind.QuickFix.value,
  );
  return actions.filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a);
}

describe('the editor a copywriter sees', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('fix-all on save leaves the Weibo sale post well-formed Chinese, with its real problems still reported', async () => {
    await postlintApi();
    const editor = await openPost('sale.post.md');
    const { document } = editor;
    await typeAt(editor, new vscode.Position(0, 0), SALE);
    // Saved as a writer would: once the squiggles are there.
    await waitFor(() => postlintDiagnostics(document.uri).some((d) => codeOf(d) === 'formatting/punctuation'), Boolean, 'the half-width punctuation flagged');
    await vscode.commands.executeCommand('workbench.action.files.save');
    await waitFor(() => document.isDirty, (dirty) => !dirty, 'the post saved');

    // Only the safe fixes ran: full-width punctuation. Every word the writer wrote is still there.
    const expected = '限时抢购！全场五折，立即下单！错过今天再等一年，库存有限，手慢无！…扫码关注官方旗舰店，前100名下单还送定制杯套！';
    assert.equal(document.getText(), expected);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(document.uri)), expected);
    for (const artifact of [/^[，。！？、；：]/m, /[，。！？、；：]{2}/, /!\[/, /你怎么看/, / {2}/]) assert.doesNotMatch(document.getText(), artifact);

    // A post that looks fixed and isn't is worse than one with warnings: the selling, the missing image and
    // the missing question are still in the Problems panel.
    const codes = await waitFor(
      () => new Set(postlintDiagnostics(document.uri).map(codeOf)),
      (found) => ['hard-selling', 'no-media', 'no-hook'].every((code) => found.has(code)) && !found.has('formatting/punctuation'),
      'hard-selling, no-media and no-hook still reported, the punctuation fixed',
    );
    assert.ok(codes.size >= 3);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await screenshot('fix-on-save-weibo-sale', { waitFor: '.markers-panel .monaco-list-row' });
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  it('the light bulb at a flagged phrase leads with that phrase\'s own fix, and offers disable and About once', async () => {
    const editor = await openPost('flyer.post.md');
    const { document } = editor;
    const phrase = rangeOf(document, '立即下单');
    await waitFor(() => postlintDiagnostics(document.uri).some((d) => codeOf(d) === 'hard-selling' && d.range.isEqual(phrase)), Boolean, 'the hard-selling finding on 立即下单');

    const titles = (await quickFixesAt(document.uri, phrase.start)).map((a) => a.title);
    assert.equal(titles[0], '删除“立即下单”', titles.join('\n'));
    for (const once of ['在这一行停用 ', '在这个文件中停用 ', '关于 ']) {
      assert.equal(titles.filter((t) => t.startsWith(once)).length, 1, `${once}… once: ${titles.join(' | ')}`);
    }
    // No closing question or placeholder image: the post-level findings sit elsewhere, not under this phrase.
    assert.ok(!titles.some((t) => t.startsWith('在结尾提问') || t.includes('图片占位')), titles.join('\n'));

    editor.selection = new vscode.Selection(phrase.start, phrase.start);
    await vscode.commands.executeCommand('editor.action.quickFix');
    await screenshot('lightbulb-at-flagged-phrase', { waitFor: ACTION_MENU });
    await vscode.commands.executeCommand('hideCodeActionWidget');
  });

  it('the rule link of a finding opens the rule\'s page shipped with the extension', async () => {
    const { document } = await openPost('flyer.post.md');
    const selling = await waitFor(() => postlintDiagnostics(document.uri).find((d) => codeOf(d) === 'hard-selling'), Boolean, 'a hard-selling finding');
    const target = (selling!.code as { target: vscode.Uri }).target;
    // What the Problems panel and the hover open: the extension's own command, never a web address.
    assert.equal(`${target.scheme}:${target.path}`, 'command:postlint.openRuleDoc');
    const [args] = JSON.parse(target.query) as [{ rule: string }];
    assert.equal(args.rule, 'hard-selling');
    await vscode.commands.executeCommand('postlint.openRuleDoc', args);
    await waitFor(
      () => vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.label)),
      (labels) => labels.some((label) => label.includes('hard-selling.md')),
      'a preview of docs/rules/hard-selling.md',
    );
  });

  it('the status bar counts the thread post under the cursor and lists every post in its tooltip', async () => {
    const api = await postlintApi();
    const editor = await openPost('thread.post.md');
    const { document } = editor;
    const at = (needle: string) => document.positionAt(document.getText().indexOf(needle) + needle.length);

    editor.selection = new vscode.Selection(at('2/3 '), at('2/3 '));
    await waitFor(() => api.statusBarText(), (text) => text === 'X 2/3 · 220/280 · 微博 150/2000', 'the second post\'s count');
    const tooltip = api.statusBarTooltip() ?? '';
    assert.match(tooltip, /^X：串推，共 3 条\n1\/3：52\/280\n2\/3：220\/280 ← 光标所在\n3\/3：20\/280\n\n微博：150\/2000（折叠 140）$/);
    await screenshot('thread-status-bar', { hover: '.statusbar-item:has-text("X 2/3")', waitFor: '.workbench-hover, .monaco-hover' });

    editor.selection = new vscode.Selection(at('3/3 '), at('3/3 '));
    await waitFor(() => api.statusBarText(), (text) => text === 'X 3/3 · 20/280 · 微博 150/2000', 'the third post\'s count');
  });
});

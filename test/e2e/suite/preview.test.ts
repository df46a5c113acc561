import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PreviewSnapshot } from '../../../client/src/preview/panel';
import { click, screenshot } from './driver';
import { closeWithoutSaving, openPost, postlintApi, postlintDiagnostics, codeOf, typeAt, waitFor } from './helpers';

const WEIBO = 'weibo-fold.post.md';
const THREAD = 'x-thread.post.md';
const LINKEDIN = 'linkedin-image.post.md';

/** Waits until the preview's webview reports showing `uri` in a state `accept` takes. */
async function waitForPreview(uri: vscode.Uri, accept: (snapshot: PreviewSnapshot) => boolean, what: string): Promise<PreviewSnapshot> {
  const api = await postlintApi();
  const snapshot = await waitFor(() => api.previewSnapshot(), (s) => s !== undefined && s.uri === uri.toString() && accept(s), `the preview of ${uri.path.split('/').pop()} ${what}`);
  return snapshot!;
}

async function setTheme(theme: string): Promise<void> {
  await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, vscode.ConfigurationTarget.Global);
}

describe('feed preview', () => {
  after(async () => {
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens beside the draft, folds Weibo at 140 字, and follows typing', async () => {
    const editor = await openPost(WEIBO);
    await vscode.commands.executeCommand('postlint.openPreviewToSide');
    const first = await waitForPreview(editor.document.uri, (s) => s.cards.length === 1, 'with its card');
    const [card] = first.cards;
    assert.equal(card.platform, 'weibo');
    assert.deepEqual(card.parts.map((p) => p.part), ['1/1']);
    assert.deepEqual(card.folds, [140]);
    assert.ok(card.rules.includes('hard-selling'), JSON.stringify(card.rules));
    // The draft stays the active editor: the preview opened beside it without taking the focus.
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString());

    await typeAt(editor, editor.document.lineAt(3).range.start, '今天');
    await waitForPreview(editor.document.uri, (s) => s.cards[0].parts[0].text.startsWith('今天我们花了三个月'), 'showing the typed words');
  });

  it('reveals a marked finding in the editor when it is clicked', async () => {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.path.endsWith(WEIBO))!;
    assert.ok(editor, 'the Weibo draft is still open');
    const uri = editor.document.uri;
    const finding = await waitFor(() => postlintDiagnostics(uri).find((d) => codeOf(d) === 'hard-selling'), (d) => d !== undefined, 'a hard-selling finding');
    // Put the cursor elsewhere first, so landing on the finding is the click's doing.
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await click('mark[data-rule="hard-selling"]');
    const selection = await waitFor(
      () => vscode.window.activeTextEditor?.selection,
      (s) => s !== undefined && s.isEqual(finding!.range),
      `the editor's selection on the finding ${JSON.stringify(finding!.range)}`,
    );
    assert.equal(editor.document.getText(selection), '立即下单');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
  });

  it('follows the active post: an X thread of three parts, a LinkedIn post with its image', async () => {
    const thread = await openPost(THREAD);
    const threadSnapshot = await waitForPreview(thread.document.uri, (s) => s.cards.length === 1, 'with its card');
    assert.equal(threadSnapshot.cards[0].platform, 'x');
    assert.deepEqual(threadSnapshot.cards[0].parts.map((p) => p.part), ['1/3', '2/3', '3/3']);
    assert.ok(threadSnapshot.cards[0].parts[2].text.includes('example.com/blog/onboardin…'), 'X shows the link shortened');

    const linkedin = await openPost(LINKEDIN);
    const post = await waitForPreview(linkedin.document.uri, (s) => s.loadedImages === 1, 'with its image drawn');
    assert.equal(post.cards[0].platform, 'linkedin');
    assert.deepEqual(post.cards[0].media, ['image']);
    assert.deepEqual(post.cards[0].folds, [210]);
  });

  for (const [theme, kind] of [
    ['Default Light Modern', 'vscode-light'],
    ['Default Dark Modern', 'vscode-dark'],
  ] as const) {
    it(`keeps screenshots of the three posts in the ${kind.slice('vscode-'.length)} theme`, async () => {
      await setTheme(theme);
      for (const [post, name] of [
        [WEIBO, 'weibo-fold'],
        [THREAD, 'x-thread'],
        [LINKEDIN, 'linkedin-image'],
      ]) {
        const editor = await openPost(post);
        await waitForPreview(editor.document.uri, (s) => s.theme === kind && (post !== LINKEDIN || s.loadedImages === 1), `in the ${kind} theme`);
        await screenshot(`preview-${name}-${kind.slice('vscode-'.length)}`);
      }
    });
  }

  it('closes with the draft left as it was', async () => {
    await openPost(WEIBO);
    await closeWithoutSaving();
  });
});

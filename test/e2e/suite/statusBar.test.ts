import * as vscode from 'vscode';
import { closeWithoutSaving, openPost, postlintApi, typeAt, waitForStatusBar } from './helpers';
import { LAUNCH_POST, LAUNCH_POST_LENGTH } from './launchPost';

// Weibo counts a CJK character as one 字 (two bytes, halved); X weighs it 2.
describe('status bar count', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the platform count of the active post and follows typing', async () => {
    const api = await postlintApi();
    const editor = await openPost('weibo.post.md');
    await waitForStatusBar(api, 'Weibo 12/2000');
    await typeAt(editor, editor.document.lineAt(3).range.end, '真的吗？');
    await waitForStatusBar(api, 'Weibo 16/2000');
    await closeWithoutSaving();
  });

  it('shows one count per platform when the post targets several', async () => {
    const api = await postlintApi();
    await openPost('two-platforms.post.md');
    await waitForStatusBar(api, 'X 24/280 · Weibo 12/2000');
  });

  it('follows the active editor', async () => {
    const api = await postlintApi();
    await openPost('weibo.post.md');
    await waitForStatusBar(api, 'Weibo 12/2000');
    await openPost(LAUNCH_POST);
    await waitForStatusBar(api, `X ${LAUNCH_POST_LENGTH}/280`);
  });
});

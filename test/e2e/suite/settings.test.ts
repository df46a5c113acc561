import * as vscode from 'vscode';
import { closeWithoutSaving, openPost, postlintApi, setSetting, waitForFindings, waitForStatusBar } from './helpers';
import { LAUNCH_POST, LAUNCH_POST_LENGTH, lengthFinding, toneFinding } from './launchPost';

describe('workspace settings', () => {
  const undo: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (undo.length > 0) await undo.pop()!();
    await closeWithoutSaving();
  });

  it('a changed platform changes the findings and the count without a reload', async () => {
    const api = await postlintApi();
    const { document } = await openPost(LAUNCH_POST);
    const tone = toneFinding(document);
    await waitForFindings(document.uri, [tone, lengthFinding(document, 280)]);
    await waitForStatusBar(api, `X ${LAUNCH_POST_LENGTH}/280`);

    // Bluesky allows 300 graphemes: the cut moves 20 characters on.
    undo.push(await setSetting('platform', 'bluesky'));
    await waitForFindings(document.uri, [tone, lengthFinding(document, 300)], 'the Bluesky cut');
    await waitForStatusBar(api, `Bluesky ${LAUNCH_POST_LENGTH}/300`);

    // Threads allows 500: nothing is cut.
    undo.push(await setSetting('platform', 'threads'));
    await waitForFindings(document.uri, [tone], 'no length finding on Threads');
  });

  it('turning a rule off removes its findings; turning postlint off removes all', async () => {
    const { document } = await openPost(LAUNCH_POST);
    const length = lengthFinding(document, 280);
    await waitForFindings(document.uri, [toneFinding(document), length]);

    const rules = vscode.workspace.getConfiguration('postlint').get<Record<string, unknown>>('rules') ?? {};
    undo.push(await setSetting('rules', { ...rules, 'press-release-tone': 'off' }));
    await waitForFindings(document.uri, [length], 'the tone rule off');

    undo.push(await setSetting('enable', false));
    await waitForFindings(document.uri, [], 'postlint disabled');
  });
});

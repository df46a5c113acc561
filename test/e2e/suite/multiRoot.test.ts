import * as vscode from 'vscode';
import { openPost, postlintApi, setSetting, waitForFindings, waitForStatusBar, workspaceUri } from './helpers';
import { LAUNCH_POST, LAUNCH_POST_LENGTH, lengthFinding, toneFinding } from './launchPost';

// alpha/ and beta/ hold the same post; alpha targets X with every rule, beta Bluesky without the tone rule.
describe('multi-root workspace', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('each folder is linted with its own settings', async () => {
    const api = await postlintApi();
    const alpha = (await openPost(LAUNCH_POST, 'alpha')).document;
    await waitForFindings(alpha.uri, [toneFinding(alpha), lengthFinding(alpha, 280)], 'alpha findings');
    await waitForStatusBar(api, `X ${LAUNCH_POST_LENGTH}/280`);

    const beta = (await openPost(LAUNCH_POST, 'beta')).document;
    await waitForFindings(beta.uri, [lengthFinding(beta, 300)], 'beta findings');
    await waitForStatusBar(api, `Bluesky ${LAUNCH_POST_LENGTH}/300`);
  });

  it("changing one folder's setting changes only that folder's findings", async () => {
    const alpha = (await openPost(LAUNCH_POST, 'alpha')).document;
    const beta = (await openPost(LAUNCH_POST, 'beta')).document;
    await waitForFindings(beta.uri, [lengthFinding(beta, 300)]);

    const undo = await setSetting('platform', 'threads', vscode.ConfigurationTarget.WorkspaceFolder, workspaceUri('', 'beta'));
    try {
      await waitForFindings(beta.uri, [], 'beta on Threads (limit 500)');
      await waitForFindings(alpha.uri, [toneFinding(alpha), lengthFinding(alpha, 280)], 'alpha unchanged');
    } finally {
      await undo();
    }
    await waitForFindings(beta.uri, [lengthFinding(beta, 300)], 'beta back on Bluesky');
  });
});

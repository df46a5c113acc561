// The extension itself, the same on the desktop and on the web: the two entry points (`node.ts`
// for Node, `browser.ts` for the web worker) differ only in how they start the language server.
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { Commands, ConfigProblemsNotification, StatsNotification, WorkspaceTrustNotification, type InitializationOptions } from '../../shared/protocol';
import { registerCommands } from './commands';
import { PreviewPanel, type PreviewSnapshot } from './preview/panel';
import { reportIgnoredWorkspaceSettings } from './restrictedMode';
import { localize } from './locale';
import { CountStatusBar } from './statusBar';
import { registerWordListReader } from './wordLists';

let client: BaseLanguageClient | undefined;

/** What the extension exposes to its own tests. */
export interface PostlintApi {
  client: BaseLanguageClient;
  statusBarText(): string | undefined;
  statusBarTooltip(): string | undefined;
  /** What the feed preview's webview last showed, as it reported it. */
  previewSnapshot(): PreviewSnapshot | undefined;
}

/** Makes the language client the entry point runs: a Node process, or a web worker. */
export type ClientFactory = (clientOptions: LanguageClientOptions) => BaseLanguageClient | Promise<BaseLanguageClient>;

export async function activatePostlint(context: vscode.ExtensionContext, createClient: ClientFactory): Promise<PostlintApi> {
  const output = vscode.window.createOutputChannel('postlint', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'postmd' }],
    outputChannel: output,
    synchronize: { configurationSection: 'postlint' },
    // A function, so that a restarted server learns the trust granted since activation.
    initializationOptions: (): InitializationOptions => ({ trusted: vscode.workspace.isTrusted, ruleDocsCommand: true }),
    // The hover's rule link runs postlint.openRuleDoc, which opens the page shipped with the extension.
    markdown: { isTrusted: { enabledCommands: [Commands.openRuleDoc] } },
  };
  client = await createClient(clientOptions);

  const statusBar = new CountStatusBar();
  const preview = new PreviewPanel(() => client);
  context.subscriptions.push(
    output,
    statusBar,
    preview,
    vscode.commands.registerCommand(Commands.openPreviewToSide, (uri?: vscode.Uri) => preview.open(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.window.onDidChangeActiveTextEditor(() => statusBar.refresh()),
    // In a thread the count is the post under the cursor's.
    vscode.window.onDidChangeTextEditorSelection(() => statusBar.refresh()),
    vscode.workspace.onDidCloseTextDocument((document) => statusBar.forget(document.uri.toString())),
    vscode.commands.registerCommand(Commands.showOutput, () => output.show(true)),
    vscode.commands.registerCommand(Commands.restartServer, () => restart(client)),
    // Restricted Mode ignores postlint.patterns and postlint.wordLists; granting trust applies them at once.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification(WorkspaceTrustNotification, { trusted: true })),
    ...registerCommands(context),
  );

  registerWordListReader(client);
  // One handler per notification: the preview redraws after each lint, with the linter's own debounce.
  client.onNotification(StatsNotification, (stats) => {
    statusBar.update(stats);
    preview.linted(stats.uri);
  });
  const shownProblems = new Set<string>();
  client.onNotification(ConfigProblemsNotification, ({ scope, problems }) => {
    const summary = problems.map((p) => `${p.key}: ${p.message}`).join('; ');
    if (shownProblems.has(summary)) return;
    shownProblems.add(summary);
    output.appendLine(`${localize({ en: 'Settings', zh: '设置' })} ${scope}: ${summary}`);
    const showOutput = localize({ en: 'Show output', zh: '查看输出' });
    void vscode.window.showWarningMessage(localize({ en: `postlint settings: ${summary}`, zh: `postlint 设置有误：${summary}` }), showOutput).then((choice) => {
      if (choice) output.show(true);
    });
  });

  await client.start();
  void reportIgnoredWorkspaceSettings(output);
  return { client, statusBarText: () => statusBar.text, statusBarTooltip: () => statusBar.tooltip, previewSnapshot: () => preview.snapshot() };
}

/** Stop, then start: the browser client has no `restart()` of its own. */
async function restart(current: BaseLanguageClient | undefined): Promise<void> {
  await current?.stop();
  await current?.start();
}

export async function deactivatePostlint(): Promise<void> {
  await client?.stop();
}

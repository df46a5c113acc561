import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { Commands, ConfigProblemsNotification, StatsNotification, WorkspaceTrustNotification, type InitializationOptions } from '../../shared/protocol';
import { registerCommands } from './commands';
import { PreviewPanel, type PreviewSnapshot } from './preview/panel';
import { reportIgnoredWorkspaceSettings } from './restrictedMode';
import { CountStatusBar } from './statusBar';

let client: LanguageClient | undefined;

/** What the extension exposes to its own tests. */
export interface PostlintApi {
  client: LanguageClient;
  statusBarText(): string | undefined;
  /** What the feed preview's webview last showed, as it reported it. */
  previewSnapshot(): PreviewSnapshot | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<PostlintApi> {
  const output = vscode.window.createOutputChannel('postlint', { log: true });
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'postmd' }],
    outputChannel: output,
    synchronize: { configurationSection: 'postlint' },
    // A function, so that a restarted server learns the trust granted since activation.
    initializationOptions: (): InitializationOptions => ({ trusted: vscode.workspace.isTrusted }),
  };
  client = new LanguageClient('postlint', 'postlint', serverOptions, clientOptions);

  const statusBar = new CountStatusBar();
  const preview = new PreviewPanel(() => client);
  context.subscriptions.push(
    output,
    statusBar,
    preview,
    vscode.commands.registerCommand(Commands.openPreviewToSide, (uri?: vscode.Uri) => preview.open(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.window.onDidChangeActiveTextEditor(() => statusBar.refresh()),
    vscode.workspace.onDidCloseTextDocument((document) => statusBar.forget(document.uri.toString())),
    vscode.commands.registerCommand(Commands.showOutput, () => output.show(true)),
    vscode.commands.registerCommand(Commands.restartServer, () => client?.restart()),
    // Restricted Mode ignores postlint.patterns and postlint.wordLists; granting trust applies them at once.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification(WorkspaceTrustNotification, { trusted: true })),
    ...registerCommands(context),
  );

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
    output.appendLine(`[settings] ${scope}: ${summary}`);
    void vscode.window.showWarningMessage(`postlint: ${summary}`, 'Show output').then((choice) => {
      if (choice) output.show(true);
    });
  });

  await client.start();
  void reportIgnoredWorkspaceSettings(output);
  return { client, statusBarText: () => statusBar.text, previewSnapshot: () => preview.snapshot() };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

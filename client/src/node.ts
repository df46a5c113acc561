// dist/client.js, the desktop entry (also Remote, Codespaces, code-server): the language server
// runs in its own Node process.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activatePostlint, deactivatePostlint, type PostlintApi } from './extension';

export function activate(context: vscode.ExtensionContext): Promise<PostlintApi> {
  const serverModule = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  return activatePostlint(context, (clientOptions) => new LanguageClient('postlint', 'postlint', serverOptions, clientOptions));
}

export const deactivate = deactivatePostlint;

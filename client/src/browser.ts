// dist/web/client.js, the web entry (vscode.dev, github.dev): the extension runs in the editor's
// web worker, and the language server in a worker of its own so that linting never holds up the
// other extensions sharing that thread.
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import { activatePostlint, deactivatePostlint, type PostlintApi } from './extension';

/** The parts of a browser `Worker` used here (the project compiles without the DOM library). */
interface ServerWorker {
  terminate(): void;
}
declare const Worker: new (url: string, options?: { name?: string }) => ServerWorker & ConstructorParameters<typeof BrowserMessageReader>[0];

/**
 * The server starts from a Blob URL of its own bundle, read through `vscode.workspace.fs`: the
 * extension's URL is not always one a worker may load (code-server refuses workers from
 * `vscode-remote:`), and a blob always is. Each start gets a fresh worker, so Restart Server works.
 */
export async function activate(context: vscode.ExtensionContext): Promise<PostlintApi> {
  const bundle = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js'));
  const serverUrl = URL.createObjectURL(new Blob([bundle], { type: 'text/javascript' }));
  let worker: ServerWorker | undefined;
  context.subscriptions.push({ dispose: () => worker?.terminate() });
  return activatePostlint(
    context,
    (clientOptions) =>
      new LanguageClient(
        'postlint',
        'postlint',
        // Transports rather than the Worker itself: the editor's replacement Worker fails the client's
        // `instanceof Worker` check when a function returns it.
        async () => {
          worker?.terminate();
          const started = new Worker(serverUrl, { name: 'postlint-server' });
          worker = started;
          return { reader: new BrowserMessageReader(started), writer: new BrowserMessageWriter(started) };
        },
        clientOptions,
      ),
  );
}

export const deactivate = deactivatePostlint;

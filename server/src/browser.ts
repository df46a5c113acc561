// dist/web/server.js: the language server in a web worker (vscode.dev, github.dev), talking to the
// extension over the worker's messages. It has no disk: word lists come through the editor.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { clientWordLists } from './lsp/clientWordLists';
import { startServer } from './server';

/** The worker's own scope: messages from the extension arrive here, and replies leave from here. */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

startServer(createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self)), { wordLists: clientWordLists });

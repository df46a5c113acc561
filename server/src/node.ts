// dist/server.js: the language server in Node, over the transport the editor names on the command
// line (`--node-ipc` from VS Code, `--stdio` from most other editors, `--socket=N`, `--pipe=NAME`).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { shippedRuleDoc } from './host/ruleDocs';
import { nodeWordLists } from './lsp/wordListWatcher';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all), { wordLists: nodeWordLists, shippedRuleDoc });

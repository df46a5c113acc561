// dist/postlint-server.js, run by dist/server.js (`launchServer.ts`): the language server in Node, over the
// transport the editor names on the command line (`--node-ipc` from VS Code, `--stdio` from most other editors,
// `--socket=N`, `--pipe=NAME`).
import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { shippedRuleDoc } from './host/ruleDocs';
import { nodeWordLists } from './lsp/wordListWatcher';
import { startServer } from './server';

// The lexicon's patterns run on every keystroke, so V8's first step for a regular expression, bytecode for an
// interpreter, is work thrown away: here it also costs about three times the machine code it precedes, some
// 40 ms of the first diagnostics. Regular expressions are compiled when first run, so setting this now counts.
setFlagsFromString('--no-regexp-tier-up');

startServer(createConnection(ProposedFeatures.all), { wordLists: nodeWordLists, shippedRuleDoc });

// dist/server.js: the language server in Node, over the transport the editor names on the command
// line (`--node-ipc` from VS Code, `--stdio` from most other editors, `--socket=N`, `--pipe=NAME`).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeWordLists } from './lsp/wordListWatcher';
import { startServer } from './server';

/** Rule ids are `family` or `family/check`; anything else never becomes a path. */
const RULE_ID = /^[a-z][a-z-]*(?:\/[a-z][a-z-]*)?$/;

/** The rule pages ship beside the server: `docs/rules/` next to `dist/`, in the extension and in a checkout. */
function shippedRuleDoc(rule: string): string | undefined {
  if (!RULE_ID.test(rule)) return undefined;
  const file = join(__dirname, '..', 'docs', 'rules', `${rule}.md`);
  return existsSync(file) ? pathToFileURL(file).href : undefined;
}

startServer(createConnection(ProposedFeatures.all), { wordLists: nodeWordLists, shippedRuleDoc });

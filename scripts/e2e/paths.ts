// Where the end-to-end harness keeps things. What it installs (code-server, ~300 MB) goes to a
// per-user cache outside the checkout, so fresh clones on the same machine (CI) reuse it and
// `vsce package` doesn't walk it; what each run writes goes to `.vscode-test/` (gitignored).
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');

/** VS Code 1.100.3 as a server. Later releases need a newer Node than the one we support. */
export const CODE_SERVER_VERSION = '4.100.3';

export const CACHE_DIR = process.env.POSTLINT_E2E_CACHE
  ? resolve(process.env.POSTLINT_E2E_CACHE)
  : join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'postlint-e2e');
export const CODE_SERVER_DIR = join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER_ENTRY = join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
/** One folder per launcher run (user data, extensions, copied workspaces, results, logs). */
export const RUNS_DIR = join(REPO_ROOT, '.vscode-test', 'runs');

/** The bundled suite: inside the extension folder, where the workbench requires it to be. */
export const SUITE_OUT_DIR = join(REPO_ROOT, 'out', 'e2e');
export const SUITE_ENTRY = join(SUITE_OUT_DIR, 'index.js');

export const WORKSPACES_DIR = join(REPO_ROOT, 'test', 'e2e', 'workspaces');

export const CHROMIUM_PATH = process.env.POSTLINT_E2E_CHROMIUM ?? '/usr/bin/chromium';

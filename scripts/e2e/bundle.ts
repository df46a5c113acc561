// Bundles the in-editor suite (mocha included) into one CommonJS file the extension host can
// require, and writes the small test-only extension that carries it when the extension under test
// is the installed .vsix.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { REPO_ROOT, SUITE_ENTRY, SUITE_OUT_DIR, WEB_SUITE_ENTRY } from './paths';

export async function bundleSuite(): Promise<void> {
  await Promise.all([bundleNodeSuite(), bundleWebSuite()]);
}

async function bundleNodeSuite(): Promise<void> {
  await esbuild.build({
    entryPoints: [join(REPO_ROOT, 'test', 'e2e', 'index.ts')],
    outfile: SUITE_ENTRY,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    // Failures point into the TypeScript sources.
    sourcemap: 'inline',
    logLevel: 'warning',
    // mocha's parallel mode and ESM file loading are never used here (the suites are bundled), so
    // the worker files they resolve at run time may stay outside the bundle.
    logOverride: { 'require-resolve-not-external': 'silent', 'unsupported-dynamic-import': 'silent' },
  });
}

/**
 * mocha's browser build is a UMD script in an ESM-typed package: bundled as is, it would see the
 * bundle's own `module` and replace its exports (`run`). Hidden from those, it sets the globals
 * `mocha` and `Mocha`, as in a page.
 */
const mochaAsBrowserScript: esbuild.Plugin = {
  name: 'mocha-as-browser-script',
  setup(build) {
    build.onLoad({ filter: /[\\/]mocha[\\/]mocha\.js$/ }, ({ path }) => ({
      contents: `(function (module, exports, define) {\n${readFileSync(path, 'utf8')}\n}).call(globalThis);`,
      loader: 'js',
    }));
  },
};

/**
 * The web pass's suite, for the browser web worker extension host: no Node builtins, so esbuild
 * fails the build if a suite reaches for one; `node:assert/strict` becomes a stand-in.
 */
async function bundleWebSuite(): Promise<void> {
  await esbuild.build({
    entryPoints: [join(REPO_ROOT, 'test', 'e2e', 'web', 'index.ts')],
    outfile: WEB_SUITE_ENTRY,
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'cjs',
    external: ['vscode'],
    mainFields: ['browser', 'module', 'main'],
    alias: { 'node:assert/strict': join(REPO_ROOT, 'test', 'e2e', 'web', 'assert.ts') },
    plugins: [mochaAsBrowserScript],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

/**
 * The development extension that hosts the suite next to the installed .vsix: no code of its own,
 * just a folder the workbench accepts as extensionDevelopmentPath with the suites inside it. The
 * editor runs the tests in the extension host the tester runs in; the web pass's tester has an
 * empty `browser` entry, so that it can run in the browser's web worker beside postlint.
 */
export function writeTesterExtension(folder: string, { web = false } = {}): string {
  mkdirSync(folder, { recursive: true });
  const manifest = { name: 'postlint-e2e-tester', publisher: 'postlint', version: '0.0.0', private: true, engines: { vscode: '^1.100.0' }, ...(web ? { browser: './tester.js' } : {}) };
  writeFileSync(join(folder, 'package.json'), JSON.stringify(manifest, null, 2));
  if (web) writeFileSync(join(folder, 'tester.js'), 'exports.activate = () => undefined;\n');
  cpSync(SUITE_OUT_DIR, join(folder, 'out'), { recursive: true });
  return join(folder, 'out', web ? 'web.js' : 'index.js');
}

// Bundles the in-editor suite (mocha included) into one CommonJS file the extension host can
// require, and writes the small test-only extension that carries it when the extension under test
// is the installed .vsix.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { REPO_ROOT, SUITE_ENTRY, SUITE_OUT_DIR } from './paths';

export async function bundleSuite(): Promise<void> {
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
 * The development extension that hosts the suite next to the installed .vsix: no code of its own,
 * just a folder the workbench accepts as extensionDevelopmentPath with the suite inside it.
 */
export function writeTesterExtension(folder: string): string {
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, 'package.json'),
    JSON.stringify({ name: 'postlint-e2e-tester', publisher: 'postlint', version: '0.0.0', private: true, engines: { vscode: '^1.100.0' } }, null, 2),
  );
  cpSync(SUITE_OUT_DIR, join(folder, 'out'), { recursive: true });
  return join(folder, 'out', 'index.js');
}

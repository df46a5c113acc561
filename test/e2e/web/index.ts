// The web pass's tests entry: the editor calls `run()` in its web worker extension host, where
// postlint's `browser` entry runs. No Node here: mocha's browser build, `node:assert/strict` bundled
// as a stand-in (./assert.ts), and the report printed as marked console lines for the launcher.
import 'mocha/mocha.js';
import * as vscode from 'vscode';
import { coreSuites } from '../coreSuites';
import { reportLines } from '../reporter';
import { REPORT_MARK } from '../scenarios';
import { loadWebRun } from './webRun';

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the web pass opens a workspace folder');
  const webRunSettings = await loadWebRun(folder.uri);
  const write = (line: string) => console.log(`${REPORT_MARK}${line}`);
  write(`scenario folder (web, ${webRunSettings.launcher}${webRunSettings.packaged ? ', packaged' : ''})`);

  class WebReporter extends Mocha.reporters.Base {
    constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
      super(runner, options);
      reportLines(runner, () => this.stats, write);
    }
  }
  mocha.setup({ ui: 'bdd', timeout: 30_000, color: false, reporter: WebReporter });
  await Promise.all([...coreSuites(), import('../suite/web.test')]);
  // Mocha's own run, not the browser build's wrapper, which reads `location.search` for a page's
  // grep options and code-server's web worker has no `location` where it looks.
  const failures = await new Promise<number>((resolve) => Mocha.prototype.run.call(mocha, resolve));
  if (failures > 0) throw new Error(`${failures} end-to-end test(s) failed in the web pass.`);
}

// The extension tests' entry point: the editor calls `run()` inside its extension host, under
// code-server or @vscode/test-electron alike. It runs the suites of one scenario and writes a
// plain-text report to the file named by POSTLINT_E2E_RESULTS.
import { appendFileSync, writeFileSync } from 'node:fs';
import Mocha from 'mocha';
import { coreSuites } from './coreSuites';
import { reportLines } from './reporter';
import { GREP_ENV, RESULTS_ENV, SCENARIO_ENV, type ScenarioName } from './scenarios';

/** Each scenario's suites. Imports run after mocha has installed `describe`/`it` as globals. */
const SUITES: Record<ScenarioName, () => Promise<unknown>[]> = {
  folder: () => [import('./suite/extensionUnderTest.test'), ...coreSuites(), import('./suite/serverRestart.test')],
  'multi-root': () => [import('./suite/multiRoot.test')],
  restricted: () => [import('./suite/restricted.test')],
  preview: () => [import('./suite/preview.test')],
  editor: () => [import('./suite/editor.test')],
};

class FileReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
    super(runner, options);
    const file = (options.reporterOptions as { file: string }).file;
    reportLines(runner, () => this.stats, (line) => appendFileSync(file, `${line}\n`));
  }
}

export async function run(): Promise<void> {
  const scenario = process.env[SCENARIO_ENV] as ScenarioName | undefined;
  const resultsFile = process.env[RESULTS_ENV];
  if (!scenario || !(scenario in SUITES)) throw new Error(`${SCENARIO_ENV} must name one of: ${Object.keys(SUITES).join(', ')}.`);
  if (!resultsFile) throw new Error(`${RESULTS_ENV} must name the file for the test report.`);
  writeFileSync(resultsFile, `scenario ${scenario}\n`);

  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: FileReporter, reporterOptions: { file: resultsFile } });
  // POSTLINT_E2E_GREP (a regular expression over suite and test titles) runs part of a scenario while working on it.
  const grep = process.env[GREP_ENV];
  if (grep) mocha.grep(new RegExp(grep));
  mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, scenario, mocha);
  await Promise.all(SUITES[scenario]());
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} end-to-end test(s) failed; see ${resultsFile}.`);
}

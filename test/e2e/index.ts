// The extension tests' entry point: the editor calls `run()` inside its extension host, under
// code-server or @vscode/test-electron alike. It runs the suites of one scenario and writes a
// plain-text report to the file named by POSTLINT_E2E_RESULTS.
import { appendFileSync, writeFileSync } from 'node:fs';
import Mocha from 'mocha';
import { GREP_ENV, RESULTS_ENV, SCENARIO_ENV, type ScenarioName } from './scenarios';

/** Each scenario's suites. Imports run after mocha has installed `describe`/`it` as globals. */
const SUITES: Record<ScenarioName, () => Promise<unknown>[]> = {
  folder: () => [
    import('./suite/extensionUnderTest.test'),
    import('./suite/diagnostics.test'),
    import('./suite/statusBar.test'),
    import('./suite/settings.test'),
    import('./suite/codeActions.test'),
    import('./suite/hover.test'),
    import('./suite/serverRestart.test'),
  ],
  'multi-root': () => [import('./suite/multiRoot.test')],
  restricted: () => [import('./suite/restricted.test')],
  preview: () => [import('./suite/preview.test')],
};

/** Writes as it goes, so a run that hangs or crashes still leaves what had finished. */
class FileReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
    super(runner, options);
    const file = (options.reporterOptions as { file: string }).file;
    const write = (line: string) => appendFileSync(file, `${line}\n`);
    const { EVENT_SUITE_BEGIN, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_RUN_END } = Mocha.Runner.constants;
    runner.on(EVENT_SUITE_BEGIN, (suite) => {
      if (suite.title) write(`${'  '.repeat(depth(suite))}${suite.title}`);
    });
    runner.on(EVENT_TEST_PASS, (test) => write(`${'  '.repeat(depth(test))}✓ ${test.title} (${test.duration ?? 0} ms)`));
    runner.on(EVENT_TEST_FAIL, (test, error: Error) => {
      write(`${'  '.repeat(depth(test))}✗ ${test.title}`);
      write(indent(error.stack ?? String(error), depth(test) + 2));
    });
    runner.once(EVENT_RUN_END, () => {
      const { passes = 0, failures = 0, duration = 0 } = this.stats;
      write(`\n${passes} passing, ${failures} failing (${(duration / 1000).toFixed(1)} s)`);
    });
  }
}

function depth(runnable: Mocha.Runnable | Mocha.Suite): number {
  let level = 0;
  for (let parent = runnable.parent; parent && !parent.root; parent = parent.parent) level++;
  return runnable instanceof Mocha.Suite ? level : level + 1;
}

function indent(text: string, level: number): string {
  return text.split('\n').map((line) => `${'  '.repeat(level)}${line}`).join('\n');
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

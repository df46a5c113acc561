// The suite's plain-text report, line by line as the run goes, so a run that hangs or crashes still
// leaves what had finished. The Node index writes the lines to a file, the web index through the editor.
import type Mocha from 'mocha';

export function reportLines(runner: Mocha.Runner, stats: () => Mocha.Stats, write: (line: string) => void): void {
  const { EVENT_SUITE_BEGIN, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_RUN_END } = (runner.constructor as typeof Mocha.Runner).constants;
  runner.on(EVENT_SUITE_BEGIN, (suite) => {
    if (suite.title) write(`${'  '.repeat(depth(suite))}${suite.title}`);
  });
  runner.on(EVENT_TEST_PASS, (test) => write(`${'  '.repeat(depth(test))}✓ ${test.title} (${test.duration ?? 0} ms)`));
  runner.on(EVENT_TEST_FAIL, (test, error: Error) => {
    write(`${'  '.repeat(depth(test))}✗ ${test.title}`);
    write(indent(error.stack ?? String(error), depth(test) + 2));
  });
  runner.once(EVENT_RUN_END, () => {
    const { passes = 0, failures = 0, duration = 0 } = stats();
    write(`\n${passes} passing, ${failures} failing (${(duration / 1000).toFixed(1)} s)`);
  });
}

function depth(runnable: Mocha.Runnable | Mocha.Suite): number {
  let level = 0;
  for (let parent = runnable.parent; parent && !parent.root; parent = parent.parent) level++;
  return 'suites' in runnable ? level : level + 1;
}

function indent(text: string, level: number): string {
  return text.split('\n').map((line) => `${'  '.repeat(level)}${line}`).join('\n');
}

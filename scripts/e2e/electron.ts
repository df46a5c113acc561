// `npm run test:e2e:electron`: the same suite in a desktop VS Code downloaded with
// @vscode/test-electron, for machines that can reach the VS Code download site (a laptop, a CI
// with internet; on headless Linux run it under `xvfb-run -a`). Offline, use `npm run test:e2e`.
//
//   node --import tsx scripts/e2e/electron.ts [--only dev|vsix]... [--scenario name]...
//   POSTLINT_E2E_VSCODE_VERSION=1.100.3 pins the editor (default: the latest stable; the
//   code-server launcher already covers the oldest version we support).
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath } from '@vscode/test-electron';
import { bundleSuite, writeTesterExtension } from './bundle';
import { REPO_ROOT, RUNS_DIR, SUITE_ENTRY } from './paths';
import type { Scenario } from '../../test/e2e/scenarios';
import { buildVsix, npmRun, runScenario, runScenarios, scenariosNamed, reportAndExit, userDataDirOf, writeUserSettings, type Outcome, type Target } from './runs';

const VERSION = process.env.POSTLINT_E2E_VSCODE_VERSION ?? 'stable';

/**
 * What @vscode/test-electron's runTests passes, minus `--disable-workspace-trust`, which it always
 * adds and the restricted-mode scenario must not have.
 */
const EDITOR_ARGS = ['--no-sandbox', '--disable-gpu-sandbox', '--disable-updates', '--skip-welcome', '--skip-release-notes'];

/** Starts the editor on the tests and resolves with its exit code. */
function launch(executable: string, args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const windows = process.platform === 'win32';
    const child = spawn(windows ? `"${executable}"` : executable, args, { env: { ...process.env, ...env }, shell: windows, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function runTarget(target: Target, vscodeExecutablePath: string, scenarios: Scenario[]): Promise<Outcome[]> {
  let extensionDevelopmentPath = REPO_ROOT;
  let extensionTestsPath = SUITE_ENTRY;
  const sharedExtensions = join(RUNS_DIR, `electron-${target}-extensions`);
  if (target === 'vsix') {
    const vsix = buildVsix();
    const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
    const install = spawnSync(cli, [...cliArgs, '--extensions-dir', sharedExtensions, '--install-extension', vsix], { encoding: 'utf8', stdio: 'inherit' });
    if (install.status !== 0) throw new Error(`installing ${vsix} failed (exit ${install.status}).`);
    extensionDevelopmentPath = join(RUNS_DIR, 'electron-vsix-tester');
    extensionTestsPath = writeTesterExtension(extensionDevelopmentPath);
  }
  return runScenarios(target, scenarios, (scenario) =>
    runScenario(target, scenario, 'electron', async (run) => {
      writeUserSettings(userDataDirOf(run.dir));
      const args = [
        'folder' in run.open ? run.open.folder : run.open.workspace,
        `--extensionDevelopmentPath=${extensionDevelopmentPath}`,
        `--extensionTestsPath=${extensionTestsPath}`,
        '--user-data-dir', userDataDirOf(run.dir),
        '--extensions-dir', sharedExtensions,
        ...EDITOR_ARGS,
        ...(scenario.trusted ? ['--disable-workspace-trust'] : []),
      ];
      return { ok: (await launch(vscodeExecutablePath, args, run.env)) === 0, phases: [] };
    }),
  );
}

async function main(): Promise<Outcome[]> {
  const { values } = parseArgs({ options: { only: { type: 'string', multiple: true }, scenario: { type: 'string', multiple: true } } });
  const targets = (values.only ?? ['dev', 'vsix']) as Target[];
  // Screenshots and clicks inside webviews need a driven browser, which only the code-server launcher has.
  const scenarios = scenariosNamed(values.scenario ?? []).filter((scenario) => {
    if (scenario.needsBrowserDriver) process.stderr.write(`scenario ${scenario.name} runs under the code-server launcher only (npm run test:e2e): it needs the browser driver\n`);
    return !scenario.needsBrowserDriver;
  });
  const outcomes: Outcome[] = [];
  const vscodeExecutablePath = await downloadAndUnzipVSCode(VERSION).catch((error: Error) => {
    throw new Error(`Could not download VS Code ${VERSION} (${error.message}). Without internet, run \`npm run test:e2e\` (code-server) instead.`);
  });
  await bundleSuite();
  if (targets.includes('dev')) {
    npmRun('build');
    outcomes.push(...(await runTarget('dev', vscodeExecutablePath, scenarios)));
  }
  if (targets.includes('vsix')) outcomes.push(...(await runTarget('vsix', vscodeExecutablePath, scenarios)));
  return outcomes;
}

reportAndExit(main);

// `npm run test:e2e`: the extension's tests in a real VS Code (code-server driven by headless
// Chromium), first against the development folder, then against the packaged .vsix installed into
// a clean extensions folder; in between, the Neovim test of the built server. Last, the web pass:
// the same .vsix by its `browser` entry in a browser web worker, in code-server and in the VS Code
// OSS web build under @vscode/test-web (as on vscode.dev and github.dev).
//
//   node --import tsx scripts/e2e/run.ts [--only dev|nvim|vsix|web]... [--scenario folder|multi-root|restricted]...
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DRIVER_ENV, type Scenario } from '../../test/e2e/scenarios';
import { bundleSuite, writeTesterExtension } from './bundle';
import { installVsix, runFolders, startCodeServer } from './codeServer';
import { REPO_ROOT, RUNS_DIR, SUITE_ENTRY } from './paths';
import { buildVsix, npmRun, phaseTimer, runScenario, runScenarios, scenariosNamed, reportAndExit, writeWebRun, type LaunchResult, type Outcome, type ScenarioRun, type Target } from './runs';
import { ensureSetup } from './setup';
import { launchInTestWeb, unpackVsix } from './testWeb';
import { runTestsInWorkbench, workbenchUrl } from './workbench';

const STEPS = ['dev', 'nvim', 'vsix', 'web'] as const;
type Step = (typeof STEPS)[number];
const SCENARIO_TIMEOUT_MS = Number(process.env.POSTLINT_E2E_TIMEOUT_MS ?? 180_000);

interface ExtensionUnderTest {
  target: Target;
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  /** Extensions to copy into each run's clean extensions folder (the installed .vsix). */
  installedExtensions?: string;
}

/**
 * code-server runs an extension with both entries by `main`, in its Node extension host; this user
 * setting moves postlint to the browser's web worker, where `browser` runs. (The tester, and so the
 * tests, go there by the page's `extensionDevelopmentKind`.)
 */
const WEB_WORKER_SETTINGS = { 'remote.extensionKind': { 'postlint.postlint': ['ui'] } };

/** One scenario in code-server: a fresh server, the workbench in Chromium, the tests, shutdown. */
function launchInCodeServer(extension: ExtensionUnderTest, scenario: Scenario): (run: ScenarioRun) => Promise<LaunchResult> {
  return async (run) => {
    const timer = phaseTimer();
    const web = extension.target === 'web';
    const folders = runFolders(run.dir, web ? WEB_WORKER_SETTINGS : {});
    if (web) writeWebRun(run, 'code-server');
    if (extension.installedExtensions) cpSync(extension.installedExtensions, folders.extensions, { recursive: true });
    const server = await startCodeServer({ folders, trusted: scenario.trusted, env: run.env });
    timer.mark('server ready');
    try {
      const { extensionDevelopmentPath, extensionTestsPath } = extension;
      const url = workbenchUrl({ authority: server.authority, open: run.open, extensionDevelopmentPath, extensionTestsPath, ...(web ? { extensionDevelopmentKind: 'web' as const } : {}) });
      const exitCode = await runTestsInWorkbench({ url, runDir: run.dir, timeoutMs: SCENARIO_TIMEOUT_MS, ...(web ? { reportFile: run.resultsFile } : { driverDir: run.env[DRIVER_ENV] }) });
      timer.mark('workbench + tests');
      return { ok: exitCode === 0, phases: timer.phases };
    } finally {
      await server.stop();
      timer.mark('stop');
    }
  };
}

async function runTarget(extension: ExtensionUnderTest, scenarios: Scenario[]): Promise<Outcome[]> {
  return runScenarios(extension.target, scenarios, (scenario) => runScenario(extension.target, scenario, 'code-server', launchInCodeServer(extension, scenario)));
}

function runNeovimTest(): Outcome {
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--config', join(REPO_ROOT, 'test', 'nvim', '.mocharc.json')], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  return { label: 'neovim', ok: result.status === 0, seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<Outcome[]> {
  const { values } = parseArgs({ options: { only: { type: 'string', multiple: true }, scenario: { type: 'string', multiple: true } } });
  const steps = new Set<Step>((values.only ?? STEPS) as Step[]);
  for (const step of steps) if (!STEPS.includes(step)) throw new Error(`--only takes ${STEPS.join(', ')}; got "${step}".`);
  const scenarios = scenariosNamed(values.scenario ?? []);
  const outcomes: Outcome[] = [];

  const setupSeconds = ensureSetup({ web: steps.has('web') }) / 1000;
  outcomes.push({ label: 'setup (packages, code-server, VS Code OSS web)', ok: true, seconds: setupSeconds });
  await bundleSuite();

  if (steps.has('dev')) {
    npmRun('build');
    outcomes.push(...(await runTarget({ target: 'dev', extensionDevelopmentPath: REPO_ROOT, extensionTestsPath: SUITE_ENTRY }, scenarios)));
  }
  if (steps.has('nvim')) {
    if (!steps.has('dev')) npmRun('build');
    outcomes.push(runNeovimTest());
  }
  // The .vsix is built and installed once for the desktop and web passes alike.
  let packaged: { vsix: string; extensions: string; tester: string; nodeTests: string; webTester: string; webTests: string } | undefined;
  const ensurePackaged = () => {
    if (packaged) return packaged;
    const started = performance.now();
    const vsix = buildVsix();
    const vsixRoot = join(RUNS_DIR, 'vsix');
    rmSync(vsixRoot, { recursive: true, force: true });
    const installed = runFolders(join(vsixRoot, 'install'));
    installVsix(installed, vsix);
    const tester = join(vsixRoot, 'tester');
    const webTester = join(vsixRoot, 'web-tester');
    const nodeTests = writeTesterExtension(tester);
    const webTests = writeTesterExtension(webTester, { web: true });
    packaged = { vsix, extensions: installed.extensions, tester, nodeTests, webTester, webTests };
    outcomes.push({ label: 'vsix package + install', ok: true, seconds: (performance.now() - started) / 1000 });
    return packaged;
  };
  if (steps.has('vsix')) {
    const { tester, nodeTests, extensions } = ensurePackaged();
    outcomes.push(...(await runTarget({ target: 'vsix', extensionDevelopmentPath: tester, extensionTestsPath: nodeTests, installedExtensions: extensions }, scenarios)));
  }
  if (steps.has('web')) {
    const { vsix, webTester, webTests, extensions } = ensurePackaged();
    // The web pass runs the folder scenario: the desktop passes cover multi-root and Restricted Mode.
    const folder = scenariosNamed(['folder']);
    outcomes.push(...(await runTarget({ target: 'web', extensionDevelopmentPath: webTester, extensionTestsPath: webTests, installedExtensions: extensions }, folder)));
    // test-web installs nothing: it loads the unpacked .vsix as a built-in extension.
    const unpacked = unpackVsix(vsix, join(RUNS_DIR, 'vsix', 'unpacked'));
    const testWeb = launchInTestWeb({ installed: unpacked, extensionDevelopmentPath: webTester, extensionTestsPath: webTests }, SCENARIO_TIMEOUT_MS);
    outcomes.push(...(await runScenarios('web', folder, (scenario) => runScenario('web', scenario, 'test-web', testWeb), 'test-web')));
  }

  return outcomes;
}

reportAndExit(main);

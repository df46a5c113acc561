// What both launchers do around the editor: a fresh folder per run with its own copy of the test
// workspaces (the tests type, save and change settings), the environment the test index reads,
// building the .vsix, and reporting.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DRIVER_ENV, PACKAGED_ENV, RESULTS_ENV, SCENARIO_ENV, SCENARIOS, USER_DATA_ENV, WEB_RUN_FILE, type Scenario, type WebRun } from '../../test/e2e/scenarios';
import { REPO_ROOT, RUNS_DIR, WORKSPACES_DIR } from './paths';

/** What every run's editor is set to: no start page, no update or marketplace traffic, no prompts. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'git.enabled': false,
  // An untrusted folder opens in Restricted Mode without the modal question.
  'security.workspace.trust.startupPrompt': 'never',
  // The web workbench saves edits after a second by default (desktop VS Code does not): on a busy machine a
  // test's edit was saved before its "revert and close", and the next test opened the edited post.
  'files.autoSave': 'off',
};

/** Where a run's editor keeps its user data (settings, logs). */
export function userDataDirOf(runDir: string): string {
  return join(runDir, 'user-data');
}

export function writeUserSettings(userDataDir: string, extra: Record<string, unknown> = {}): void {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...extra }, null, 2));
}

/**
 * The extension under test: the development folder, or the packaged .vsix installed like a user
 * would; `web` is the .vsix run by its `browser` entry in a browser web worker.
 */
export type Target = 'dev' | 'vsix' | 'web';

export interface ScenarioRun {
  scenario: Scenario;
  target: Target;
  dir: string;
  /** The workspace folder or `.code-workspace` file to open, inside the run's copy. */
  open: { folder: string } | { workspace: string };
  resultsFile: string;
  /** For the extension host: which suites to run and where to report. */
  env: Record<string, string>;
}

function prepareRun(target: Target, scenario: Scenario, launcher: string): ScenarioRun {
  const dir = join(RUNS_DIR, `${launcher}-${target}-${scenario.name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const workspaces = join(dir, 'workspaces');
  cpSync(WORKSPACES_DIR, workspaces, { recursive: true });
  const open = 'folder' in scenario.open ? { folder: join(workspaces, scenario.open.folder) } : { workspace: join(workspaces, scenario.open.workspace) };
  const resultsFile = join(dir, 'results.txt');
  const env: Record<string, string> = { [SCENARIO_ENV]: scenario.name, [RESULTS_ENV]: resultsFile, [USER_DATA_ENV]: userDataDirOf(dir) };
  if (target !== 'dev') env[PACKAGED_ENV] = '1';
  if (launcher === 'code-server') env[DRIVER_ENV] = join(dir, 'driver');
  return { scenario, target, dir, open, resultsFile, env };
}

/** The web pass has no environment variables: its settings go into the opened folder's copy. */
export function writeWebRun(run: ScenarioRun, launcher: WebRun['launcher']): void {
  if (!('folder' in run.open)) throw new Error('the web pass opens a folder');
  const settings: WebRun = { packaged: true, launcher };
  writeFileSync(join(run.open.folder, WEB_RUN_FILE), JSON.stringify(settings, null, 2));
}

export function scenariosNamed(names: string[]): Scenario[] {
  if (names.length === 0) return [...SCENARIOS];
  return names.map((name) => {
    const scenario = SCENARIOS.find((s) => s.name === name);
    if (!scenario) throw new Error(`Unknown scenario "${name}"; known: ${SCENARIOS.map((s) => s.name).join(', ')}.`);
    return scenario;
  });
}

function readResults(run: ScenarioRun): string {
  return existsSync(run.resultsFile) ? readFileSync(run.resultsFile, 'utf8') : '(the test index wrote no results)\n';
}

/** What a launcher reports about one scenario: the tests' verdict and where the time went. */
export interface LaunchResult {
  ok: boolean;
  phases: string[];
}

/** Prepares a run, launches it with `launch`, prints the suite's report, and times it all. */
export async function runScenario(target: Target, scenario: Scenario, launcher: string, launch: (run: ScenarioRun) => Promise<LaunchResult>): Promise<Outcome> {
  const started = performance.now();
  const run = prepareRun(target, scenario, launcher);
  let ok = false;
  const details: string[] = [];
  try {
    const result = await launch(run);
    ok = result.ok;
    details.push(...result.phases);
  } catch (error) {
    details.push((error as Error).message);
  }
  process.stdout.write(`\n── ${target} · ${scenario.name} ──\n${readResults(run)}`);
  if (!ok) process.stdout.write(`(logs: ${run.dir})\n`);
  return { label: `${labelOf(target, launcher)} · ${scenario.name}`, ok, seconds: (performance.now() - started) / 1000, detail: details.join(' · ') };
}

/** The web pass runs under two launchers; the report names which. */
function labelOf(target: Target, launcher: string): string {
  return target === 'web' ? `web in ${launcher}` : target;
}

/** Runs every scenario for one target and adds a total for the target. */
export async function runScenarios(target: Target, scenarios: Scenario[], runOne: (scenario: Scenario) => Promise<Outcome>, launcher = 'code-server'): Promise<Outcome[]> {
  const started = performance.now();
  const outcomes: Outcome[] = [];
  for (const scenario of scenarios) outcomes.push(await runOne(scenario));
  outcomes.push({ label: `${labelOf(target, launcher)} (all scenarios)`, ok: outcomes.every((o) => o.ok), seconds: (performance.now() - started) / 1000 });
  return outcomes;
}

/** Records how long each step of a launch took, as `name 1.2 s`. */
export function phaseTimer(): { mark(name: string): void; phases: string[] } {
  const phases: string[] = [];
  let last = performance.now();
  return {
    phases,
    mark(name) {
      const now = performance.now();
      phases.push(`${name} ${((now - last) / 1000).toFixed(1)} s`);
      last = now;
    },
  };
}

/** Runs an npm script of this package; throws when it fails. */
export function npmRun(script: string): void {
  const result = spawnSync('npm', ['run', script, '--silent'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run ${script} failed (exit ${result.status}).`);
}

/** `npm run package`, which builds for production and writes postlint-<version>.vsix. */
export function buildVsix(): string {
  npmRun('package');
  const { name, version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  const vsix = join(REPO_ROOT, `${name}-${version}.vsix`);
  if (!existsSync(vsix)) throw new Error(`npm run package did not write ${vsix}.`);
  return vsix;
}

export interface Outcome {
  label: string;
  ok: boolean;
  seconds: number;
  detail?: string;
}

export function summarize(outcomes: Outcome[]): string {
  const width = Math.max(...outcomes.map((o) => o.label.length));
  return outcomes.map((o) => `${o.ok ? 'pass' : 'FAIL'}  ${o.label.padEnd(width)}  ${o.seconds.toFixed(1).padStart(6)} s${o.detail ? `  ${o.detail}` : ''}`).join('\n');
}


/** Prints the summary and exits 0 when every outcome passed; a crash prints its stack and exits 1. */
export function reportAndExit(run: () => Promise<Outcome[]>): void {
  run().then(
    (outcomes) => {
      process.stdout.write(`\n${summarize(outcomes)}\n`);
      process.exit(outcomes.every((o) => o.ok) ? 0 : 1);
    },
    (error: Error) => {
      process.stderr.write(`${error.stack ?? error.message}\n`);
      process.exit(1);
    },
  );
}

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { nodeBundle } from '../scripts/bundleOptions.mjs';
import type { ChildReport } from './child';
import { distribution } from './timing';

/**
 * One esbuild bundle for Node as the bench runs it: `entry` is a file, or a module's source (resolved from
 * the repository root), built with the production server's options and plugins (`scripts/bundleOptions.mjs`):
 * minified, pure ASCII, without the polyfills and the link grammar the shipped bundles leave out.
 */
export async function bundleForBench(repoRoot: string, outfile: string, entry: { file: string } | { source: string }, external?: string[]): Promise<string> {
  await build({
    ...nodeBundle({ production: true, version: 'bench' }),
    ...('file' in entry ? { entryPoints: [entry.file] } : { stdin: { contents: entry.source, resolveDir: repoRoot, loader: 'ts' as const } }),
    outfile,
    external,
  });
  return outfile;
}

/** Bundles bench/child.ts the way the server is bundled, leaving the peers to node_modules. */
export function bundleChild(repoRoot: string, outdir: string): Promise<string> {
  const external = ['markdownlint', 'markdownlint/*', '@textlint/*', 'textlint-rule-prh'];
  return bundleForBench(repoRoot, join(outdir, 'child.js'), { file: join(repoRoot, 'bench', 'child.ts') }, external);
}

/**
 * The engine as it ships: one esbuild bundle, minified like the production server. Run from the
 * TypeScript sources through a per-file transform, every call across modules goes through an export
 * getter, which makes the engine some 1.6 times slower than anything a user runs.
 */
export function bundleEngine(repoRoot: string, outdir: string): Promise<string> {
  return bundleForBench(repoRoot, join(outdir, 'engine.js'), { file: join(repoRoot, 'server', 'src', 'engine', 'index.ts') });
}

export type ChildOutcome = ChildReport | { timedOutAfterMs: number };

/**
 * What every timed process starts with, ours and the peers' alike: this process's environment without
 * `NODE_EXTRA_CA_CERTS`. Set on some machines for a proxy, it makes each Node process read and parse a
 * certificate bundle before running anything (about 40 ms a start on the machine that found it): a cost
 * of the machine, not of a linter, and no linter here opens a network connection.
 */
export function timedEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

/** One linter on one file in a fresh process; gives up after `timeoutMs`. */
export function runChild(childPath: string, mode: string, file: string, prhPath: string, timeoutMs: number): ChildOutcome {
  const result = spawnSync(process.execPath, [childPath, mode, file, prhPath], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 20, env: timedEnv() });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return { timedOutAfterMs: timeoutMs };
  if (result.status !== 0) throw new Error(`${mode} child failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as ChildReport;
}

export interface Command {
  name: string;
  /** Arguments after `node`: a script and its arguments. */
  args: string[];
  cwd: string;
}

// Loaded with `node --require` into every measured process, ours and the peers' alike, so each
// reports its own CPU time and peak memory as it exits: wall-clock time on a shared machine also
// counts time the scheduler gave to other work.
const RUSAGE_PRELOAD = `process.on('exit', () => {
  const u = process.resourceUsage();
  require('fs').writeFileSync(process.env.POSTLINT_BENCH_RUSAGE, JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssMb: u.maxRSS / 1024 }));
});
`;

export interface ResourceUsage {
  cpuMs: number;
  maxRssMb: number;
}

/** How to start a Node process so that it reports its resource usage on exit, and how to read it. */
export interface UsageProbe {
  nodeArgs: string[];
  env: NodeJS.ProcessEnv;
  read(): ResourceUsage;
}

export function usageProbe(scratch: string): UsageProbe {
  const preload = join(scratch, 'rusage-preload.cjs');
  const report = join(scratch, 'rusage.json');
  writeFileSync(preload, RUSAGE_PRELOAD);
  return {
    nodeArgs: ['--require', preload],
    env: timedEnv({ POSTLINT_BENCH_RUSAGE: report }),
    read: () => JSON.parse(readFileSync(report, 'utf8')) as ResourceUsage,
  };
}

export interface ProcessTiming extends ResourceUsage {
  /** Median wall-clock milliseconds from spawn to exit (`cpuMs` is the median too, `maxRssMb` the largest). */
  wallMs: number;
}

/**
 * Whole processes (start, load, lint, print, exit), median of `runs`. Output goes to a pipe and is
 * discarded; an exit code above 1 (a crash or a configuration error rather than findings) fails the
 * benchmark, so a peer that silently did nothing is never timed.
 */
export function timeProcess(command: Command, runs: number, scratch: string): ProcessTiming {
  const probe = usageProbe(scratch);
  const wall: number[] = [];
  const cpu: number[] = [];
  let maxRssMb = 0;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [...probe.nodeArgs, ...command.args], { cwd: command.cwd, encoding: 'utf8', maxBuffer: 256 << 20, env: probe.env });
    wall.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.error) throw result.error;
    if (result.status === null || result.status > 1) throw new Error(`${command.name} exited with ${result.status}: ${result.stderr.slice(0, 2000)}`);
    const usage = probe.read();
    cpu.push(usage.cpuMs);
    maxRssMb = Math.max(maxRssMb, usage.maxRssMb);
  }
  return { wallMs: distribution(wall).p50, cpuMs: distribution(cpu).p50, maxRssMb };
}

/** The script a package's `bin` names, run with `node` directly like postlint's own CLI. */
export function binScript(repoRoot: string, pkg: string, bin: string): string {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'node_modules', pkg, 'package.json'), 'utf8')) as { bin: string | Record<string, string> };
  const relative = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[bin];
  return join(repoRoot, 'node_modules', pkg, relative);
}

export interface Workspace {
  dir: string;
  /** Folder of `NNNN.post.md` files, one per post. */
  postsDir: string;
  shortFile: string;
  /** A textlint config that loads only textlint-rule-prh with the converted lexicons. */
  textlintConfig: string;
}

/** Writes the posts as files in a scratch folder, outside the repository so no project config applies. */
export function writeWorkspace(dir: string, posts: readonly string[], shortPost: string, prhPath: string): Workspace {
  const postsDir = join(dir, 'posts');
  mkdirSync(postsDir, { recursive: true });
  posts.forEach((post, i) => writeFileSync(join(postsDir, `${String(i).padStart(4, '0')}.post.md`), `${post}\n`));
  const shortFile = join(dir, 'short.post.md');
  writeFileSync(shortFile, `${shortPost}\n`);
  const textlintConfig = join(dir, 'textlintrc.json');
  writeFileSync(textlintConfig, JSON.stringify({ rules: { prh: { rulePaths: [prhPath] } } }));
  return { dir, postsDir, shortFile, textlintConfig };
}

export interface CliCommands {
  /** postlint's default output (stylish), to set beside markdownlint-cli2's default output. */
  postlint: (target: string) => Command;
  /** postlint's JSON, to set beside textlint's JSON. */
  postlintJson: (target: string) => Command;
  markdownlint: (target: string) => Command;
  textlint: (target: string) => Command;
}

/**
 * How each CLI is invoked on a file or on the posts folder. Each pair prints the same kind of output:
 * markdownlint-cli2 has no JSON output of its own, so postlint's default output is set beside it, and
 * postlint's JSON (four times the bytes: every fix's edits and the counts) beside textlint's JSON.
 */
export function cliCommands(repoRoot: string, workspace: Workspace, cli: string): CliCommands {
  const markdownlintCli = binScript(repoRoot, 'markdownlint-cli2', 'markdownlint-cli2');
  const textlintCli = binScript(repoRoot, 'textlint', 'textlint');
  const { dir, textlintConfig } = workspace;
  const glob = (target: string) => (target.endsWith('.md') ? target : `${target}/**/*.post.md`);
  return {
    postlint: (target) => ({ name: 'postlint', args: [cli, target], cwd: dir }),
    postlintJson: (target) => ({ name: 'postlint --format json', args: [cli, '--format', 'json', target], cwd: dir }),
    markdownlint: (target) => ({ name: 'markdownlint-cli2', args: [markdownlintCli, glob(target)], cwd: dir }),
    textlint: (target) => ({
      name: 'textlint',
      args: [textlintCli, '--config', textlintConfig, '--rules-base-directory', join(repoRoot, 'node_modules'), '--format', 'json', glob(target)],
      cwd: dir,
    }),
  };
}

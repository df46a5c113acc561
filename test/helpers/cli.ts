import { spawnSync } from 'node:child_process';
import { CLI_PATH } from './paths';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a child process, as CI would. */
/** `timeoutMs` kills a run that hangs, so a test fails instead of blocking mocha forever. */
export function runCli(args: string[], options: { cwd?: string; input?: string | Buffer; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI_PATH, ...args], {
    cwd: options.cwd,
    input: options.input,
    env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8', ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: options.timeoutMs,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

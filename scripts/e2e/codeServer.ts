// A code-server (VS Code 1.100 as a server) for one test run: its own port, user data, extensions
// and home, started in its own process group so that everything it spawns (extension host,
// language servers, file watcher) stops with it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_SERVER_ENTRY } from './paths';
import { userDataDirOf, writeUserSettings } from './runs';
import { freePort } from './freePort';

export interface RunFolders {
  root: string;
  userData: string;
  extensions: string;
  home: string;
}

export function runFolders(root: string, userSettings: Record<string, unknown> = {}): RunFolders {
  const folders = { root, userData: userDataDirOf(root), extensions: join(root, 'extensions'), home: join(root, 'home') };
  for (const dir of Object.values(folders)) mkdirSync(dir, { recursive: true });
  writeUserSettings(folders.userData, userSettings);
  writeFileSync(join(root, 'config.yaml'), 'auth: none\n');
  return folders;
}

function codeServerArgs(folders: RunFolders): string[] {
  return [
    CODE_SERVER_ENTRY,
    '--config', join(folders.root, 'config.yaml'),
    '--user-data-dir', folders.userData,
    '--extensions-dir', folders.extensions,
    '--disable-telemetry',
    '--disable-update-check',
  ];
}

function codeServerEnv(folders: RunFolders, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // No marketplace: nothing may be looked up or installed from outside.
    EXTENSIONS_GALLERY: '{}',
    HOME: folders.home,
    XDG_CONFIG_HOME: join(folders.home, '.config'),
    XDG_DATA_HOME: join(folders.home, '.local', 'share'),
    XDG_CACHE_HOME: join(folders.home, '.cache'),
    ...extra,
  };
}

/** Installs a .vsix offline into the run's extensions folder, as a user's `--install-extension` would. */
export function installVsix(folders: RunFolders, vsix: string): void {
  const result = spawnSync(process.execPath, [...codeServerArgs(folders), '--install-extension', vsix], {
    env: codeServerEnv(folders, {}),
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0 || !/was successfully installed/.test(result.stdout)) {
    throw new Error(`code-server --install-extension ${vsix} failed:\n${result.stdout}\n${result.stderr}`);
  }
}

export interface RunningCodeServer {
  /** `127.0.0.1:PORT`: the authority both the browser and `vscode-remote://` URIs use. */
  authority: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  folders: RunFolders;
  /** False leaves workspace trust on, so untrusted folders open in Restricted Mode. */
  trusted: boolean;
  /** Passed on to the extension host, where the tests read them. */
  env: Record<string, string>;
  timeoutMs?: number;
}

export async function startCodeServer({ folders, trusted, env, timeoutMs = 60_000 }: StartOptions): Promise<RunningCodeServer> {
  const port = await freePort();
  const authority = `127.0.0.1:${port}`;
  const args = [...codeServerArgs(folders), '--auth', 'none', '--bind-addr', authority, ...(trusted ? ['--disable-workspace-trust'] : [])];
  const log = createWriteStream(join(folders.root, 'code-server.log'));
  const child = spawn(process.execPath, args, { env: codeServerEnv(folders, env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const server: RunningCodeServer = { authority, stop: () => stopGroup(child, exited) };
  try {
    await waitForHealth(`http://${authority}/healthz`, child, timeoutMs);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode} before it was ready (see code-server.log).`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`code-server was not ready within ${timeoutMs} ms.`);
}

/** SIGTERM to the whole group, then SIGKILL: the file watcher and language servers outlive a plain SIGTERM. */
async function stopGroup(child: ChildProcess, exited: Promise<void>): Promise<void> {
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // The group is gone already.
    }
  };
  signalGroup('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
  signalGroup('SIGKILL');
  await exited;
}

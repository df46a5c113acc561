// Runs a bundle with V8's code cache, kept per user, so that a process does not compile a megabyte of
// JavaScript anew at every start: compiling is about a third of a short CLI run and some 40 ms of the
// language server's start. Node 22's module.enableCompileCache does this for modules loaded after it;
// postlint also runs on Node 20. The `postlint` command (`cli/launch.ts`) and the server (`launchServer.ts`)
// each run their bundle through here.
//
// The bundle runs as the launcher's own module (`require.main === module` holds inside it), so it starts
// exactly as when Node loads it directly. Any problem with the cache means running without it.
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { wrap } from 'node:module';
import { Script } from 'node:vm';
import { isMainThread } from 'node:worker_threads';

declare const POSTLINT_VERSION: string;

const SUFFIX = '.v8cache';

/** A per-user cache folder, as each platform keeps them; never a shared temporary folder. */
function cacheDir(): string | undefined {
  if (process.env.POSTLINT_NO_COMPILE_CACHE) return undefined;
  const home = homedir();
  if (!home) return undefined;
  if (process.platform === 'win32') return join(process.env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'postlint', 'Cache');
  if (process.platform === 'darwin') return join(home, 'Library', 'Caches', 'postlint');
  return join(process.env.XDG_CACHE_HOME || join(home, '.cache'), 'postlint');
}

/**
 * The cache for this exact bundle on this exact Node: V8 checks little more than the source's length
 * before trusting cached code, so the name pins the bundle's size and modification time. V8 also
 * rejects code cached under other flags, so the name pins those too: runs with and without them
 * would otherwise keep replacing each other's cache.
 */
function cacheName(bundle: string, prefix: string, v8Flags: string): string {
  const { size, mtimeMs } = statSync(bundle);
  const flags = fnv1a(`${v8Flags}|${process.execArgv.join(' ')}`).toString(36);
  return `${prefix}${POSTLINT_VERSION}-${size}-${Math.floor(mtimeMs)}-${process.version}-${process.arch}-${flags}${SUFFIX}`;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/** The cache file starts with the CPU time of the run that wrote it (see `WritePolicy`). */
const CPU_HEADER_BYTES = 8;

export interface Cache {
  data: Buffer;
  writerCpuMs: number;
}

function readCache(dir: string, name: string): Cache | undefined {
  try {
    const file = readFileSync(join(dir, name));
    if (file.length <= CPU_HEADER_BYTES) return undefined;
    return { writerCpuMs: file.readDoubleLE(0), data: file.subarray(CPU_HEADER_BYTES) };
  } catch {
    return undefined;
  }
}

export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Writes through a temporary file and a rename, so a concurrent run never reads half a cache; drops this bundle's older caches. */
function writeCache(dir: string, prefix: string, name: string, data: Buffer): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temporary = join(dir, `${name}.${process.pid}.tmp`);
  const header = Buffer.alloc(CPU_HEADER_BYTES);
  header.writeDoubleLE(cpuMs(), 0);
  writeFileSync(temporary, Buffer.concat([header, data]), { mode: 0o600 });
  renameSync(temporary, join(dir, name));
  for (const other of readdirSync(dir)) {
    if (other !== name && other.startsWith(prefix) && other.endsWith(SUFFIX)) unlinkSync(join(dir, other));
  }
}

/**
 * When to write the cache. A cache holds the functions its process had compiled when it was written, so it
 * is written late: `onExit` decides at exit (`cached` is undefined when there was none or V8 rejected it);
 * `afterMs`, for a process that may never exit on its own terms (a server the editor kills), also writes a
 * missing or rejected cache that long after the start.
 */
export interface WritePolicy {
  onExit(cached: Cache | undefined): boolean;
  afterMs?: number;
}

export interface Bundle {
  /** Absolute path of the bundle to run. */
  path: string;
  /** Starts the cache file's name; a launcher's older caches with the same prefix are removed. */
  prefix: string;
  /** The V8 flags the launcher set before compiling, which the cached code depends on. */
  v8Flags: string;
  write: WritePolicy;
}

/** Compiles `bundle` (from the cache when it has one for it) and runs it as `launcher`, the calling module. */
export function runWithCodeCache(bundle: Bundle, launcher: NodeJS.Module, launcherRequire: NodeJS.Require, dirname: string): void {
  const source = readFileSync(bundle.path, 'utf8').replace(/^#!.*/, '');
  let dir: string | undefined;
  let name = '';
  try {
    dir = cacheDir();
    if (dir) name = cacheName(bundle.path, bundle.prefix, bundle.v8Flags);
  } catch {
    dir = undefined;
  }
  const cached = dir ? readCache(dir, name) : undefined;
  const script = new Script(wrap(source), { filename: bundle.path, cachedData: cached?.data });

  // Worker threads (a parallel CLI run starts them on its launcher) read the cache but leave writing it to
  // the main thread: they share its process id, and so would share its temporary file's name.
  if (dir && isMainThread) {
    const target = dir;
    const usable = cached && script.cachedDataRejected !== true ? cached : undefined;
    let written = false;
    const write = () => {
      if (written) return;
      written = true;
      try {
        writeCache(target, bundle.prefix, name, script.createCachedData());
      } catch {
        // A read-only home or a full disk only costs the next start its head start.
      }
    };
    process.once('exit', () => {
      if (bundle.write.onExit(usable)) write();
    });
    if (bundle.write.afterMs !== undefined && !usable) setTimeout(write, bundle.write.afterMs).unref();
  }

  (script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: NodeJS.Module, filename: string, dirname: string) => void).call(
    launcher.exports,
    launcher.exports,
    launcherRequire,
    launcher,
    bundle.path,
    dirname,
  );
}

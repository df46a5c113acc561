// The `postlint` command's entry point (dist/cli.js): it runs the CLI bundle (dist/postlint-cli.js)
// with V8's code cache, kept per user, so that a run does not compile a megabyte and a half of
// JavaScript anew: compiling is about a third of a short run's time. Node 22's
// module.enableCompileCache does this for modules loaded after it; the CLI also runs on Node 20.
//
// The bundle runs as this very module (`require.main === module` holds inside it), so it starts
// exactly as when Node loads it directly. Any problem with the cache means running without it.
//
// It also tunes V8's optimizing compiler for a run that lasts well under a second (see SHORT_RUN_V8_FLAGS).
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { wrap } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { isMainThread } from 'node:worker_threads';

declare const POSTLINT_VERSION: string;

/**
 * A run over a folder is over before V8's optimizing compiler has caught up: on 2,000 posts it spends
 * more CPU time compiling (about 0.75 s, on the second core) than the run lasts, so the engine runs
 * unoptimized code while its functions wait in the queue. Smaller inlining makes each compile cheaper,
 * a larger interrupt budget keeps lukewarm functions out of the queue, and compiling a regular
 * expression straight to machine code compiles the big lexicon and URL patterns once instead of twice.
 * On 2 cores this takes a fifth off a 2,000-post run and changes nothing measurable at 10,000 posts
 * (docs/performance.md). These flags only steer when and how much V8 optimizes, never what code does.
 *
 * Node allows setting V8 flags at run time but does not promise their effect; these are set before any
 * of the bundle is compiled, on the main thread only (a flag changed while another thread compiles is
 * a race), and a flag named on Node's own command line is left as given.
 */
const SHORT_RUN_V8_FLAGS = ['--max-inlined-bytecode-size-cumulative=100', '--interrupt-budget=150000', '--no-regexp-tier-up'];
/**
 * The V8 versions known to have all three flags (Node 18 to 24). V8 prints an error on stderr for a
 * flag it does not know, so a later V8 runs untuned until these are checked against it.
 */
const TUNED_V8_MAJORS = { from: 10, to: 13 };

/** The flags this process runs under: set here on the main thread, and inherited by worker threads. */
function tuneV8(): string {
  const major = Number(process.versions.v8.split('.')[0]);
  if (process.env.POSTLINT_NO_V8_TUNING || !(major >= TUNED_V8_MAJORS.from && major <= TUNED_V8_MAJORS.to)) return '';
  // V8 reads `--interrupt_budget` as `--interrupt-budget`.
  const given = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`.replace(/_/g, '-');
  const flags = SHORT_RUN_V8_FLAGS.filter((flag) => !given.includes(flag.replace(/^--(no-)?/, '').replace(/=.*/, '')));
  if (isMainThread && flags.length > 0) setFlagsFromString(flags.join(' '));
  return flags.join(' ');
}

const BUNDLE = join(__dirname, 'postlint-cli.js');
const PREFIX = 'cli-';
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
function cacheName(v8Flags: string): string {
  const { size, mtimeMs } = statSync(BUNDLE);
  const flags = fnv1a(`${v8Flags}|${process.execArgv.join(' ')}`).toString(36);
  return `${PREFIX}${POSTLINT_VERSION}-${size}-${Math.floor(mtimeMs)}-${process.version}-${process.arch}-${flags}${SUFFIX}`;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/**
 * A cache holds the functions its run compiled, so one written by a run over one file lacks most of what
 * a run over a folder needs (on 2,000 posts: 419 against 401 ms). The file starts with the CPU time of
 * the run that wrote it, and a run that took at least twice as much writes it anew: the cache grows
 * with the largest run seen, at most a few times, and a short run never pays for writing it.
 */
const CPU_HEADER_BYTES = 8;
const REWRITE_FACTOR = 2;

interface Cache {
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

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Writes through a temporary file and a rename, so a concurrent run never reads half a cache; drops older caches. */
function writeCache(dir: string, name: string, data: Buffer): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temporary = join(dir, `${name}.${process.pid}.tmp`);
  const header = Buffer.alloc(CPU_HEADER_BYTES);
  header.writeDoubleLE(cpuMs(), 0);
  writeFileSync(temporary, Buffer.concat([header, data]), { mode: 0o600 });
  renameSync(temporary, join(dir, name));
  for (const other of readdirSync(dir)) {
    if (other !== name && other.startsWith(PREFIX) && other.endsWith(SUFFIX)) unlinkSync(join(dir, other));
  }
}

const v8Flags = tuneV8();
const source = readFileSync(BUNDLE, 'utf8').replace(/^#!.*/, '');
let dir: string | undefined;
let name = '';
try {
  dir = cacheDir();
  if (dir) name = cacheName(v8Flags);
} catch {
  dir = undefined;
}
const cached = dir ? readCache(dir, name) : undefined;
const script = new Script(wrap(source), { filename: BUNDLE, cachedData: cached?.data });

// Worker threads (a parallel run starts them on this launcher) read the cache but leave writing it to
// the main thread: they share its process id, and so would share its temporary file's name.
if (dir && isMainThread) {
  const target = dir;
  const stale = !cached || script.cachedDataRejected === true;
  // After the run, the cache also holds the functions the run compiled.
  process.once('exit', () => {
    if (!stale && cpuMs() < REWRITE_FACTOR * cached.writerCpuMs) return;
    try {
      writeCache(target, name, script.createCachedData());
    } catch {
      // A read-only home or a full disk only costs the next run its head start.
    }
  });
}

(script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: NodeJS.Module, filename: string, dirname: string) => void).call(
  module.exports,
  module.exports,
  require,
  module,
  BUNDLE,
  __dirname,
);

// The `postlint` command's entry point (dist/cli.js): it runs the CLI bundle (dist/postlint-cli.js)
// with V8's code cache, kept per user, so that a run does not compile a megabyte and a half of
// JavaScript anew: compiling is about a third of a short run's time. Node 22's
// module.enableCompileCache does this for modules loaded after it; the CLI also runs on Node 20.
//
// The bundle runs as this very module (`require.main === module` holds inside it), so it starts
// exactly as when Node loads it directly. Any problem with the cache means running without it.
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { wrap } from 'node:module';
import { Script } from 'node:vm';
import { isMainThread } from 'node:worker_threads';

declare const POSTLINT_VERSION: string;

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
 * before trusting cached code, so the name pins the bundle's size and modification time.
 */
function cacheName(): string {
  const { size, mtimeMs } = statSync(BUNDLE);
  return `${PREFIX}${POSTLINT_VERSION}-${size}-${Math.floor(mtimeMs)}-${process.version}-${process.arch}${SUFFIX}`;
}

function readCache(dir: string, name: string): Buffer | undefined {
  try {
    return readFileSync(join(dir, name));
  } catch {
    return undefined;
  }
}

/** Writes through a temporary file and a rename, so a concurrent run never reads half a cache; drops older caches. */
function writeCache(dir: string, name: string, data: Buffer): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temporary = join(dir, `${name}.${process.pid}.tmp`);
  writeFileSync(temporary, data, { mode: 0o600 });
  renameSync(temporary, join(dir, name));
  for (const other of readdirSync(dir)) {
    if (other !== name && other.startsWith(PREFIX) && other.endsWith(SUFFIX)) unlinkSync(join(dir, other));
  }
}

const source = readFileSync(BUNDLE, 'utf8').replace(/^#!.*/, '');
let dir: string | undefined;
let name = '';
try {
  dir = cacheDir();
  if (dir) name = cacheName();
} catch {
  dir = undefined;
}
const cached = dir ? readCache(dir, name) : undefined;
const script = new Script(wrap(source), { filename: BUNDLE, cachedData: cached });

// Worker threads (a parallel run starts them on this launcher) read the cache but leave writing it to
// the main thread: they share its process id, and so would share its temporary file's name.
if (dir && isMainThread && (!cached || script.cachedDataRejected)) {
  const target = dir;
  // After the run, the cache also holds the functions the run compiled.
  process.once('exit', () => {
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

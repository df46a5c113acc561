import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';

export const POST_SUFFIX = '.post.md';
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);

export interface FileList {
  files: string[];
  /** One message per path that matched nothing. */
  missing: string[];
}

/**
 * Expands files, folders (every `*.post.md` below) and globs, in argument order, without duplicates:
 * a post reached by several paths (symlinks, a link loop such as `l -> .`) is listed once, by its first path.
 */
export async function collectFiles(args: string[], cwd = process.cwd()): Promise<FileList> {
  const seen = new Set<string>();
  const files: string[] = [];
  const missing: string[] = [];
  const add = (path: string, real = realPath(resolve(cwd, path))) => {
    if (!seen.has(real)) {
      seen.add(real);
      files.push(path);
    }
  };
  for (const arg of args) {
    if (arg === '-') {
      add('-');
      continue;
    }
    let stats;
    try {
      stats = statSync(resolve(cwd, arg));
    } catch {
      stats = undefined;
    }
    if (stats?.isDirectory()) {
      for (const found of walk(arg, cwd)) add(found.path, found.real);
    } else if (stats) {
      add(arg);
    } else if (/[*?[\]{}]/.test(arg)) {
      // Like the folder walk, a glob does not descend into linked folders: a link loop would repeat every post below it.
      // Loaded here, not at the top: most runs name files and folders, and the glob library cost each of them its load.
      const { glob } = await import('tinyglobby');
      const matches = (await glob(arg, { cwd, ignore: ['**/node_modules/**', '**/.git/**'], onlyFiles: true, followSymbolicLinks: false })).sort();
      if (matches.length === 0) missing.push(arg);
      for (const match of matches) add(match);
    } else {
      missing.push(arg);
    }
  }
  return { files, missing };
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    // A dangling link or a missing file is reported when it is read; it is still one entry.
    return path;
  }
}

/**
 * Every `*.post.md` below `dir`, in sorted depth-first order, with its real path. Iterative, with one sorted
 * listing per folder on the current path, so that neither deep trees nor folders of 100,000 posts overflow
 * the stack. A plain file's real path is its folder's joined with its name: one `realpath` per folder, not
 * one per file (which looks up every folder above it again; a tenth of a 2,000-file run).
 */
function walk(dir: string, cwd: string): { path: string; real: string }[] {
  const found: { path: string; real: string }[] = [];
  const open: { dir: string; real: string; entries: Dirent[]; next: number }[] = [];
  const enter = (path: string) => {
    try {
      const absolute = resolve(cwd, path);
      const entries = readdirSync(absolute, { withFileTypes: true });
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      open.push({ dir: path, real: realPath(absolute), entries, next: 0 });
    } catch {
      // An unreadable folder holds nothing we can lint.
    }
  };
  enter(dir);
  while (open.length > 0) {
    const folder = open[open.length - 1];
    if (folder.next >= folder.entries.length) {
      open.pop();
      continue;
    }
    const entry = folder.entries[folder.next++];
    const path = join(folder.dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) enter(path);
    } else if (entry.name.endsWith(POST_SUFFIX)) {
      found.push({ path, real: entry.isFile() ? join(folder.real, entry.name) : realPath(resolve(cwd, path)) });
    }
  }
  return found;
}

export const NOT_A_REGULAR_FILE = 'ENOTREG';

/**
 * Reads a post. Opening without blocking and checking the type first means a named pipe or a
 * device that happens to match `*.post.md` is reported (code `NOT_A_REGULAR_FILE`), never waited on.
 */
export function readPostFile(path: string): Buffer {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw Object.assign(new Error(`${path} is not a regular file`), { code: NOT_A_REGULAR_FILE });
    // One read of the size fstat gave, plus a byte: a regular file that returns less is at its end. Node's
    // readFileSync would ask fstat again, one more system call per file. A file that grew since fstat is read
    // on to its end.
    const buffer = Buffer.allocUnsafe(stats.size + 1);
    const read = readSync(fd, buffer, 0, buffer.length, null);
    return read < buffer.length ? buffer.subarray(0, read) : Buffer.concat([buffer, readFileSync(fd)]);
  } finally {
    closeSync(fd);
  }
}

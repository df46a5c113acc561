import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { glob } from 'tinyglobby';

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
  const add = (path: string) => {
    const absolute = realPath(resolve(cwd, path));
    if (!seen.has(absolute)) {
      seen.add(absolute);
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
      walk(arg, cwd).forEach(add);
    } else if (stats) {
      add(arg);
    } else if (/[*?[\]{}]/.test(arg)) {
      // Like the folder walk, a glob does not descend into linked folders: a link loop would repeat every post below it.
      const matches = (await glob(arg, { cwd, ignore: ['**/node_modules/**', '**/.git/**'], onlyFiles: true, followSymbolicLinks: false })).sort();
      if (matches.length === 0) missing.push(arg);
      matches.forEach(add);
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
 * Every `*.post.md` below `dir`, in sorted depth-first order. Iterative, with one sorted listing per
 * folder on the current path, so that neither deep trees nor folders of 100,000 posts overflow the stack.
 */
function walk(dir: string, cwd: string): string[] {
  const found: string[] = [];
  const open: { dir: string; entries: Dirent[]; next: number }[] = [];
  const enter = (path: string) => {
    try {
      const entries = readdirSync(resolve(cwd, path), { withFileTypes: true });
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      open.push({ dir: path, entries, next: 0 });
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
      found.push(path);
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
    if (!fstatSync(fd).isFile()) throw Object.assign(new Error(`${path} is not a regular file`), { code: NOT_A_REGULAR_FILE });
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

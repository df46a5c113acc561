import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { glob } from 'tinyglobby';

export const POST_SUFFIX = '.post.md';
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);

export interface FileList {
  files: string[];
  /** One message per path that matched nothing. */
  missing: string[];
}

/** Expands files, folders (every `*.post.md` below) and globs, in argument order, without duplicates. */
export async function collectFiles(args: string[], cwd = process.cwd()): Promise<FileList> {
  const seen = new Set<string>();
  const files: string[] = [];
  const missing: string[] = [];
  const add = (path: string) => {
    const absolute = resolve(cwd, path);
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
      const matches = (await glob(arg, { cwd, ignore: ['**/node_modules/**', '**/.git/**'], onlyFiles: true })).sort();
      if (matches.length === 0) missing.push(arg);
      matches.forEach(add);
    } else {
      missing.push(arg);
    }
  }
  return { files, missing };
}

function walk(dir: string, cwd: string): string[] {
  const found: string[] = [];
  let entries;
  try {
    entries = readdirSync(resolve(cwd, dir), { withFileTypes: true });
  } catch {
    return found;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) found.push(...walk(path, cwd));
    } else if (entry.name.endsWith(POST_SUFFIX)) {
      found.push(path);
    }
  }
  return found;
}

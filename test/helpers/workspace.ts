import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A throwaway folder with the given files (paths relative to it); returns its path. */
export function tempWorkspace(files: Record<string, string>, prefix = 'postlint-ws-'): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) {
    const path = join(root, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return root;
}

/** One file of `postlint --format json`. */
export interface CliJsonFile {
  file: string;
  platform: string;
  stats: { length: number; limit: number; fold?: number };
  diagnostics: { rule: string; severity: 'error' | 'warning' | 'information' | 'hint'; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
}

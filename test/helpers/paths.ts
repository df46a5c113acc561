import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');
/** Shared test data lives beside the repository, never inside it. */
export const SHARED_DIR = join(REPO_ROOT, '..', 'shared');
export const CONFORMANCE_FILE = join(SHARED_DIR, 'conformance', 'twitter-text', 'validate.yml');
export const CLI_PATH = join(REPO_ROOT, 'dist', 'cli.js');

export function sharedAvailable(path: string): boolean {
  return existsSync(path);
}

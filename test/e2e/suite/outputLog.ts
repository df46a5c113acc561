// What the "postlint" output channel printed, read from the editor's logs on disk: the Node
// extension host only (the web suites have no disk to read).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { USER_DATA_ENV } from '../scenarios';
import { EXTENSION_ID } from './helpers';

/**
 * What the "postlint" output channel printed: the editor writes each extension's log channel to
 * `logs/<session>/…/postlint.postlint/postlint.log` under its user data (no API reads it back).
 */
export function postlintOutput(): string {
  const userData = process.env[USER_DATA_ENV];
  assert.ok(userData, `${USER_DATA_ENV} names the editor's user-data folder`);
  const logs = join(userData, 'logs');
  if (!existsSync(logs)) return '';
  return readdirSync(logs, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.replace(/\\/g, '/').endsWith(`${EXTENSION_ID}/postlint.log`))
    .map((file) => readFileSync(join(logs, file), 'utf8'))
    .join('');
}

// `postlint --fix`: applies every preferred fix (the same fix-all as the editor's) and writes the
// file back atomically, never over a change someone made while postlint was working.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fixAll, type Locale, type PostlintSettings } from '../engine';
import type { DecodedPost } from './decode';
import { cliMessage } from './messages';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export type WriteOutcome = 'written' | 'changed-on-disk';

/**
 * Writes `text` to `path` through a temporary file in the same folder and a rename, so a reader
 * never sees half a file; keeps the file's mode and its BOM. When the file's bytes on disk are no
 * longer `original` (an editor saved it meanwhile), nothing is written.
 */
export function writeFixed(path: string, original: Buffer, text: string): WriteOutcome {
  const bom = original.subarray(0, 3).equals(UTF8_BOM) ? UTF8_BOM : Buffer.alloc(0);
  const bytes = Buffer.concat([bom, Buffer.from(text, 'utf8')]);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.postlint-tmp`);
  const mode = statSync(path).mode & 0o7777;
  const fd = openSync(temp, 'wx', mode);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  // Checked as late as possible: only the rename itself remains between this read and the write.
  if (!readFileSync(path).equals(original)) {
    unlinkSync(temp);
    return 'changed-on-disk';
  }
  try {
    renameSync(temp, path);
  } catch (error) {
    unlinkSync(temp);
    throw error;
  }
  return 'written';
}

export interface FixIo {
  stderr: (text: string) => void;
}

/**
 * Fixes one file in place and returns the text to report on: the fixed text once written, else the
 * text as read. Says on stderr what it did, so stdout stays the formatter's alone.
 */
export function fixFile(file: string, path: string, bytes: Buffer, decoded: DecodedPost, settings: PostlintSettings, locale: Locale, io: FixIo): string {
  if (file === '-') {
    io.stderr(`${cliMessage('fixStdin', locale)}\n`);
    return decoded.text;
  }
  // Writing back text decoded with replacement characters would destroy the bytes it could not read.
  if (!decoded.validUtf8) {
    io.stderr(`${cliMessage('fixInvalidUtf8', locale, { path: file })}\n`);
    return decoded.text;
  }
  const result = fixAll(decoded.text, settings);
  if (result.text === decoded.text) return decoded.text;
  let outcome: WriteOutcome;
  try {
    outcome = writeFixed(path, bytes, result.text);
  } catch (error) {
    io.stderr(`${cliMessage('fixWriteFailed', locale, { path: file, reason: (error as NodeJS.ErrnoException).code ?? String(error) })}\n`);
    return decoded.text;
  }
  if (outcome === 'changed-on-disk') {
    io.stderr(`${cliMessage('fixChangedOnDisk', locale, { path: file })}\n`);
    return decoded.text;
  }
  io.stderr(`${cliMessage('fixed', locale, { path: file, count: result.fixed })}\n`);
  return result.text;
}

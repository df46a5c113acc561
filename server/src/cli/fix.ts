// `postlint --fix`: applies every preferred fix (the same fix-all as the editor's) and saves the file
// the way a careful editor does: the whole new text goes to a temporary file next to the real file,
// every byte is checked and flushed to disk, and only then does a rename replace the post. Anything
// that goes wrong before the rename leaves the post exactly as it was.
import {
  accessSync, closeSync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, openSync, readFileSync, readSync, realpathSync, renameSync, statSync, unlinkSync, writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fixAll, type Locale, type PostlintSettings } from '../engine';
import type { DecodedPost } from './decode';
import { cliMessage, type CliMessageId } from './messages';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export type WriteOutcome = 'written' | 'changed-on-disk';

/** A file postlint will not replace, with the message that says why; nothing was written. */
export class FixRefused extends Error {
  constructor(readonly reason: CliMessageId) {
    super(reason);
  }
}

/**
 * A temporary name short enough for any folder the post itself fits in: a post's name may take up
 * to the file system's limit (255 bytes), so the temporary file cannot be named after it.
 */
function temporaryName(dir: string): string {
  // O_EXCL below refuses a name already taken, so the name needs to be unlikely, not secret: node:crypto
  // would cost every run of the command a module load (some 8 ms) for it.
  const unique = `${process.pid.toString(36)}${Math.floor(Math.random() * 0x7fffffff).toString(36)}`;
  return join(dir, `.postlint-${unique}.tmp`);
}

/** Writes all of `bytes`, or throws: a short write (a full disk) is an error, never a shorter file. */
function writeAll(fd: number, bytes: Buffer): void {
  let offset = 0;
  while (offset < bytes.length) {
    const written = writeSync(fd, bytes, offset, bytes.length - offset, offset);
    if (written <= 0) throw Object.assign(new Error('the disk took no more bytes'), { code: 'ENOSPC' });
    offset += written;
  }
}

/** Reads the file back and compares: what the disk holds is what will replace the post. */
function verify(fd: number, bytes: Buffer): void {
  if (fstatSync(fd).size !== bytes.length) throw Object.assign(new Error('the temporary file has the wrong size'), { code: 'EIO' });
  const back = Buffer.alloc(bytes.length);
  let offset = 0;
  while (offset < back.length) {
    const read = readSync(fd, back, offset, back.length - offset, offset);
    if (read <= 0) break;
    offset += read;
  }
  if (!back.equals(bytes)) throw Object.assign(new Error('the temporary file does not hold what was written'), { code: 'EIO' });
}

/**
 * Writes `text` over the post at `path` (through its symlinks, onto the real file), keeping its mode,
 * its owner and its BOM. Refuses (`FixRefused`) a file its user could not write, a file with other
 * hard links (a rename would split them) and one whose owner a rename would change. When the bytes on
 * disk are no longer `original` (an editor saved it meanwhile), nothing is written.
 */
export function writeFixed(path: string, original: Buffer, text: string): WriteOutcome {
  const target = realpathSync(path);
  const stats = statSync(target);
  if (!stats.isFile()) throw new FixRefused('fixNotRegular');
  // Root may write anything; a file nobody may write is read-only on purpose all the same.
  if ((stats.mode & 0o222) === 0) throw new FixRefused('fixReadOnly');
  try {
    accessSync(target, constants.W_OK);
  } catch {
    throw new FixRefused('fixReadOnly');
  }
  if (stats.nlink > 1) throw new FixRefused('fixHardLinked');
  const bom = original.subarray(0, 3).equals(UTF8_BOM) ? UTF8_BOM : Buffer.alloc(0);
  const bytes = Buffer.concat([bom, Buffer.from(text, 'utf8')]);
  const temp = temporaryName(dirname(target));
  const fd = openSync(temp, constants.O_RDWR | constants.O_CREAT | constants.O_EXCL, 0o600);
  let renamed = false;
  try {
    try {
      fchmodSync(fd, stats.mode & 0o7777);
      const mine = fstatSync(fd);
      if (mine.uid !== stats.uid || mine.gid !== stats.gid) {
        try {
          fchownSync(fd, stats.uid, stats.gid);
        } catch {
          throw new FixRefused('fixOwner');
        }
        // chown clears the set-id bits; put the mode back as it was.
        fchmodSync(fd, stats.mode & 0o7777);
      }
      writeAll(fd, bytes);
      fsyncSync(fd);
      verify(fd, bytes);
    } finally {
      closeSync(fd);
    }
    // Checked as late as possible: only the rename itself remains between this read and the write.
    if (!readFileSync(target).equals(original)) return 'changed-on-disk';
    renameSync(temp, target);
    renamed = true;
    syncFolder(dirname(target));
    return 'written';
  } finally {
    if (!renamed) unlinkQuietly(temp);
  }
}

/** Makes the rename itself durable; a file system that cannot sync a folder has nothing to make durable. */
function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, constants.O_RDONLY);
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every platform opens folders (Windows); the rename has happened either way.
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

export interface FixIo {
  stderr: (text: string) => void;
}

export interface FixResult {
  /** The text to report on: the fixed text once written, else the text as read. */
  text: string;
  /** Fixes were due but could not be written: the run must not exit 0. */
  failed: boolean;
}

/**
 * Fixes one file in place. Says on stderr what it did, so stdout stays the formatter's alone.
 */
export function fixFile(file: string, path: string, bytes: Buffer, decoded: DecodedPost, settings: PostlintSettings, locale: Locale, io: FixIo): FixResult {
  if (file === '-') {
    io.stderr(`${cliMessage('fixStdin', locale)}\n`);
    return { text: decoded.text, failed: false };
  }
  // Writing back text decoded with replacement characters would destroy the bytes it could not read.
  if (!decoded.validUtf8) {
    io.stderr(`${cliMessage('fixInvalidUtf8', locale, { path: file })}\n`);
    return { text: decoded.text, failed: false };
  }
  const result = fixAll(decoded.text, settings);
  if (result.text === decoded.text) return { text: decoded.text, failed: false };
  let outcome: WriteOutcome;
  try {
    outcome = writeFixed(path, bytes, result.text);
  } catch (error) {
    const reason = error instanceof FixRefused ? cliMessage(error.reason, locale) : ((error as NodeJS.ErrnoException).code ?? String(error));
    io.stderr(`${cliMessage('fixWriteFailed', locale, { path: file, reason })}\n`);
    return { text: decoded.text, failed: true };
  }
  if (outcome === 'changed-on-disk') {
    io.stderr(`${cliMessage('fixChangedOnDisk', locale, { path: file })}\n`);
    return { text: decoded.text, failed: true };
  }
  io.stderr(`${cliMessage('fixed', locale, { path: file, count: result.fixed })}\n`);
  return { text: result.text, failed: false };
}

// Reads the word-list files `postlint.wordLists` names from the disk, for the Node language server
// and the CLI. The engine does no I/O: hosts hand it what they read as `settings.wordListData`, and
// it validates the content and reports problems with every other setting.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { type PostlintSettings, type WordListData, wordListPaths } from '../engine';
import { MAX_WORD_LIST_BYTES, parseWordList, WORD_LIST_PROBLEMS, wordListFormat } from './wordListContent';

export { MAX_WORD_LIST_BYTES } from './wordListContent';

export interface WordListRead {
  data: WordListData[];
  /** Absolute paths of every file named, found or not, so a host can watch for them to change or appear. */
  files: string[];
}

/**
 * Reads each valid path of `settings.wordLists` relative to `root`, the workspace folder. Paths that
 * leave the folder (`../`, absolute elsewhere, or a symbolic link out) are refused, not read.
 */
export function readWordLists(settings: PostlintSettings, root: string | undefined): WordListRead {
  const data: WordListData[] = [];
  const files: string[] = [];
  for (const path of wordListPaths(settings)) {
    if (root === undefined) {
      data.push({ path, problem: WORD_LIST_PROBLEMS.noFolder });
      continue;
    }
    const file = resolve(root, path);
    if (!inside(root, file)) {
      data.push({ path, problem: WORD_LIST_PROBLEMS.outside });
      continue;
    }
    files.push(file);
    data.push(readOne(path, file, root));
  }
  return { data, files };
}

function readOne(path: string, file: string, root: string): WordListData {
  const format = wordListFormat(file);
  if (!format) return { path, problem: WORD_LIST_PROBLEMS.format };
  let size: number;
  try {
    // A symbolic link inside the folder may still point out of it.
    if (!inside(realpathSync(root), realpathSync(file))) return { path, problem: WORD_LIST_PROBLEMS.outside };
    const stats = statSync(file);
    if (!stats.isFile()) return { path, problem: WORD_LIST_PROBLEMS.notFile };
    size = stats.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { path, problem: WORD_LIST_PROBLEMS.missing };
    return { path, problem: WORD_LIST_PROBLEMS.unreadable(code ?? String(error)) };
  }
  if (size > MAX_WORD_LIST_BYTES) return { path, problem: WORD_LIST_PROBLEMS.tooBig(size) };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { path, problem: WORD_LIST_PROBLEMS.unreadable((error as NodeJS.ErrnoException).code ?? String(error)) };
  }
  return parseWordList(path, format, text);
}

function inside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

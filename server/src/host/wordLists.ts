// Reads the word-list files `postlint.wordLists` names, for the language server and the CLI alike.
// The engine does no I/O: hosts hand it what they read as `settings.wordListData`, and it validates
// the content and reports problems with every other setting.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { type Localized, type PostlintSettings, type WordListData, wordListPaths } from '../engine';

/** Word lists are phrases; a larger file is more likely a mistake (or hostile) than a vocabulary. */
export const MAX_WORD_LIST_BYTES = 512 * 1024;
const MAX_YAML_ALIASES = 100;

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
      data.push({ path, problem: { en: 'there is no workspace folder to find it in; open the folder that holds it.', zh: '没有可供查找的工作区文件夹；请打开包含它的文件夹。' } });
      continue;
    }
    const file = resolve(root, path);
    if (!inside(root, file)) {
      data.push({ path, problem: OUTSIDE });
      continue;
    }
    files.push(file);
    data.push(readOne(path, file, root));
  }
  return { data, files };
}

const OUTSIDE: Localized = {
  en: 'is outside the workspace folder; word lists must live in the workspace, so a settings file cannot make postlint read other files.',
  zh: '不在工作区文件夹内；词表必须放在工作区里，以免设置文件让 postlint 读取别处的文件。',
};

function readOne(path: string, file: string, root: string): WordListData {
  const format = formatOf(file);
  if (!format) return { path, problem: { en: 'must be a .json, .yaml or .yml file.', zh: '应为 .json、.yaml 或 .yml 文件。' } };
  let size: number;
  try {
    // A symbolic link inside the folder may still point out of it.
    if (!inside(realpathSync(root), realpathSync(file))) return { path, problem: OUTSIDE };
    const stats = statSync(file);
    if (!stats.isFile()) return { path, problem: { en: 'is not a file.', zh: '不是文件。' } };
    size = stats.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { path, problem: { en: 'does not exist; check the path, which is relative to the workspace folder.', zh: '不存在；请检查路径（相对于工作区文件夹）。' } };
    return { path, problem: { en: `cannot be read (${code ?? String(error)}).`, zh: `无法读取（${code ?? String(error)}）。` } };
  }
  if (size > MAX_WORD_LIST_BYTES) {
    return { path, problem: { en: `is ${Math.ceil(size / 1024)} KB; a word list may be at most ${MAX_WORD_LIST_BYTES / 1024} KB.`, zh: `有 ${Math.ceil(size / 1024)} KB；词表最大 ${MAX_WORD_LIST_BYTES / 1024} KB。` } };
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { path, problem: { en: `cannot be read (${code}).`, zh: `无法读取（${code}）。` } };
  }
  try {
    const content: unknown = format === 'json' ? JSON.parse(text) : parseYaml(text, { maxAliasCount: MAX_YAML_ALIASES, logLevel: 'error' });
    return { path, content };
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    return { path, problem: { en: `is not valid ${format === 'json' ? 'JSON' : 'YAML'}: ${reason}`, zh: `不是有效的 ${format === 'json' ? 'JSON' : 'YAML'}：${reason}` } };
  }
}

function formatOf(file: string): 'json' | 'yaml' | undefined {
  const ext = extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  return undefined;
}

function inside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

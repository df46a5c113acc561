// What every host shares about word-list files, whether it reads them from the disk (Node) or asks
// the editor for them (the browser server): the size cap, the formats, the parse and the messages.
// No I/O here, so the browser bundle can carry it.
import { yamlModule, type Localized, type WordListData } from '../engine';

/** Word lists are phrases; a larger file is more likely a mistake (or hostile) than a vocabulary. */
export const MAX_WORD_LIST_BYTES = 512 * 1024;
const MAX_YAML_ALIASES = 100;

export type WordListFormat = 'json' | 'yaml';

/** Why a named word list was not read, in the words every host uses. */
export const WORD_LIST_PROBLEMS = {
  noFolder: { en: 'there is no workspace folder to find it in; open the folder that holds it.', zh: '没有可供查找的工作区文件夹；请打开包含它的文件夹。' },
  outside: {
    en: 'is outside the workspace folder; word lists must live in the workspace, so a settings file cannot make postlint read other files.',
    zh: '不在工作区文件夹内；词表必须放在工作区里，以免设置文件让 postlint 读取别处的文件。',
  },
  format: { en: 'must be a .json, .yaml or .yml file.', zh: '应为 .json、.yaml 或 .yml 文件。' },
  missing: { en: 'does not exist; check the path, which is relative to the workspace folder.', zh: '不存在；请检查路径（相对于工作区文件夹）。' },
  notFile: { en: 'is not a file.', zh: '不是文件。' },
  symlink: {
    en: 'is a symbolic link; in the browser postlint cannot tell where a link points, so it reads only real files.',
    zh: '是符号链接；在浏览器中 postlint 无法判断链接指向哪里，所以只读取真实的文件。',
  },
  unreadable: (reason: string): Localized => ({ en: `cannot be read (${reason}).`, zh: `无法读取（${reason}）。` }),
  tooBig: (bytes: number): Localized => ({
    en: `is ${Math.ceil(bytes / 1024)} KB; a word list may be at most ${MAX_WORD_LIST_BYTES / 1024} KB.`,
    zh: `有 ${Math.ceil(bytes / 1024)} KB；词表最大 ${MAX_WORD_LIST_BYTES / 1024} KB。`,
  }),
} as const;

/** The format a path's extension names, if postlint reads it. */
export function wordListFormat(path: string): WordListFormat | undefined {
  const ext = /\.[^./\\]*$/.exec(path)?.[0].toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  return undefined;
}

/** Parses a word list's text; the engine validates what it holds. */
export function parseWordList(path: string, format: WordListFormat, text: string): WordListData {
  try {
    const withoutBom = text.replace(/^\uFEFF/, '');
    const content: unknown = format === 'json' ? JSON.parse(withoutBom) : yamlModule().parse(withoutBom, { maxAliasCount: MAX_YAML_ALIASES, logLevel: 'error' });
    return { path, content };
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    const name = format === 'json' ? 'JSON' : 'YAML';
    return { path, problem: { en: `is not valid ${name}: ${reason}`, zh: `不是有效的 ${name}：${reason}` } };
  }
}

import type { PhraseFamily } from '../lexicon/family';
import type { Localized } from '../types';
import { wordClasses } from '../lexicon/signals';
import { isTemplate, templateProblem } from '../lexicon/templates';
import { isRecord, shown, type ProblemLog } from './problems';

/** The lists a team can extend, in settings (`postlint.words.*`) and in word-list files: `allow`, then each phrase family's. */
export function wordListKeys(families: readonly PhraseFamily[]): string[] {
  return ['allow', ...families.map((family) => family.settingsKey)];
}
export type WordListKey = string;

/** Bounds that keep a stranger's settings from making every keystroke slow. */
export const MAX_LIST_ENTRIES = 10_000;
export const MAX_PHRASE_LENGTH = 200;
const MAX_ITEM_PROBLEMS = 10;

/** A team phrase as the lexicon reads it from `config.settings.words`. */
export interface WordEntry {
  phrase: string;
  rewrite?: string;
  reason?: string | Localized;
}

/** `allow` as plain phrases; each phrase family's list, by its settings key, as entries. */
export type ResolvedWords = { allow: string[] } & Record<string, WordEntry[] | string[]>;

/**
 * A word-list file as the host read it. The host (language server, CLI) does the I/O and the
 * workspace check; the engine validates the content and reports problems with everything else.
 */
export interface WordListData {
  /** The path as written in `postlint.wordLists`. */
  path: string;
  /** The parsed JSON or YAML, when the file could be read. */
  content?: unknown;
  /** Why the host could not use the file: missing, outside the workspace, too large, unparsable. */
  problem?: Localized;
}

/** One source of words: where it is (for messages) and what it holds. */
interface WordSource {
  /** The key problems are filed under: `postlint.words` or `postlint.wordLists[i]`. */
  key: string;
  /** Prefixes item keys: `postlint.words.` for settings, `"lists/brand.yaml" ` for a file. */
  itemPrefix: string;
  value: unknown;
}

/**
 * Merges `postlint.words` with the word-list files, in that order (later layers win for the same
 * phrase), keeping only valid entries and reporting the rest by key. `paths` is `postlint.wordLists`
 * as written, so that a file's problems name its index there.
 */
export function resolveWords(settingsWords: unknown, files: readonly WordListData[], paths: readonly unknown[], log: ProblemLog, families: readonly PhraseFamily[]): ResolvedWords {
  const WORD_LIST_KEYS = wordListKeys(families);
  const sources: WordSource[] = [{ key: 'postlint.words', itemPrefix: 'postlint.words.', value: settingsWords }];
  files.forEach((file, i) => {
    const index = paths.indexOf(file.path);
    const key = `postlint.wordLists[${index < 0 ? i : index}]`;
    if (file.problem) log.add(key, { en: `"${file.path}": ${file.problem.en}`, zh: `“${file.path}”：${file.problem.zh}` });
    else sources.push({ key, itemPrefix: `${key} "${file.path}" `, value: file.content });
  });

  const merged = new Map<WordListKey, Map<string, WordEntry>>(WORD_LIST_KEYS.map((k) => [k, new Map()]));
  for (const source of sources) {
    if (source.value === undefined || source.value === null) continue;
    if (!isRecord(source.value)) {
      log.add(source.key, {
        en: `must be an object with any of ${WORD_LIST_KEYS.join(', ')}, each a list of phrases.`,
        zh: `应为对象，可含 ${WORD_LIST_KEYS.join('、')}，每项是一组说法。`,
      });
      continue;
    }
    for (const [name, list] of Object.entries(source.value)) {
      if (name === '$schema') continue;
      const target = merged.get(name as WordListKey);
      if (!target) {
        log.add(`${source.itemPrefix}${name}`, { en: `is not a word list; use ${WORD_LIST_KEYS.join(', ')}.`, zh: `不是词表；可用 ${WORD_LIST_KEYS.join('、')}。` });
        continue;
      }
      addEntries(target, list, `${source.itemPrefix}${name}`, name === 'allow', log);
    }
  }

  for (const [name, entries] of merged) {
    if (entries.size <= MAX_LIST_ENTRIES) continue;
    log.add(`postlint.words.${name}`, {
      en: `holds ${entries.size} phrases across settings and word lists; only the first ${MAX_LIST_ENTRIES} are used.`,
      zh: `设置和词表文件合计 ${entries.size} 条；只使用前 ${MAX_LIST_ENTRIES} 条。`,
    });
  }
  const entriesOf = (name: WordListKey) => [...merged.get(name)!.values()].slice(0, MAX_LIST_ENTRIES);
  return {
    allow: entriesOf('allow').map((e) => e.phrase),
    ...Object.fromEntries(families.map((family) => [family.settingsKey, entriesOf(family.settingsKey)])),
  };
}

function addEntries(target: Map<string, WordEntry>, list: unknown, key: string, plainOnly: boolean, log: ProblemLog): void {
  if (!Array.isArray(list)) {
    log.add(key, plainOnly
      ? { en: 'must be a list of phrases.', zh: '应为一组说法（字符串数组）。' }
      : { en: 'must be a list of phrases or { "phrase", "rewrite"?, "reason"? } objects.', zh: '应为说法列表，每项是字符串或 { "phrase", "rewrite"?, "reason"? } 对象。' });
    return;
  }
  // Checking stops at the bound, so a million-item list costs no more than a long one.
  const checked = Math.min(list.length, MAX_LIST_ENTRIES);
  const mark = log.mark();
  for (let i = 0; i < checked; i++) {
    const entry = toEntry(list[i], `${key}[${i}]`, plainOnly, log);
    if (!entry) continue;
    const id = entry.phrase.toLowerCase();
    // A later layer's entry replaces an earlier one for the same phrase, rewrite and reason included.
    target.delete(id);
    target.set(id, entry);
  }
  log.capSince(mark, MAX_ITEM_PROBLEMS, key);
  if (list.length > checked) {
    log.add(key, { en: `holds ${list.length} phrases; only the first ${MAX_LIST_ENTRIES} are used.`, zh: `有 ${list.length} 条；只使用前 ${MAX_LIST_ENTRIES} 条。` });
  }
}

function toEntry(item: unknown, key: string, plainOnly: boolean, log: ProblemLog): WordEntry | undefined {
  if (typeof item === 'string') return checkPhrase(item, key, log) ? { phrase: item.trim() } : undefined;
  if (plainOnly || !isRecord(item)) {
    log.add(key, plainOnly
      ? { en: `must be a phrase (a non-empty string), not ${shown(item)}.`, zh: `应为说法（非空字符串），而不是 ${shown(item)}。` }
      : { en: `must be a phrase or { "phrase", "rewrite"?, "reason"? }, not ${shown(item)}.`, zh: `应为说法或 { "phrase", "rewrite"?, "reason"? }，而不是 ${shown(item)}。` });
    return undefined;
  }
  for (const field of Object.keys(item)) {
    if (field !== 'phrase' && field !== 'rewrite' && field !== 'reason') {
      log.add(`${key}.${field}`, { en: 'is not a field of a phrase; use phrase, rewrite or reason.', zh: '不是词条的字段；可用 phrase、rewrite、reason。' });
    }
  }
  if (typeof item.phrase !== 'string') {
    log.add(`${key}.phrase`, { en: 'is required: the text to flag.', zh: '必填：要标出的说法。' });
    return undefined;
  }
  if (!checkPhrase(item.phrase, `${key}.phrase`, log)) return undefined;
  const entry: WordEntry = { phrase: item.phrase.trim() };
  if (item.rewrite !== undefined) {
    if (typeof item.rewrite === 'string') entry.rewrite = item.rewrite;
    else log.add(`${key}.rewrite`, { en: 'must be a string: the text to suggest instead ("" suggests deleting).', zh: '应为字符串：建议替换成的文字（"" 表示建议删除）。' });
  }
  if (item.reason !== undefined) {
    const reason = item.reason;
    if ((typeof reason === 'string' && reason.trim()) || (isRecord(reason) && typeof reason.en === 'string' && typeof reason.zh === 'string')) entry.reason = reason as string | Localized;
    else log.add(`${key}.reason`, { en: 'must be a sentence, or { "en", "zh" } with one in each language.', zh: '应为一句话，或 { "en", "zh" } 两种语言各一句。' });
  }
  return entry;
}

function checkPhrase(phrase: string, key: string, log: ProblemLog): boolean {
  if (!phrase.trim()) {
    log.add(key, { en: 'must not be empty.', zh: '不能为空。' });
    return false;
  }
  if (phrase.length > MAX_PHRASE_LENGTH) {
    log.add(key, { en: `is ${phrase.length} characters long; a phrase may have at most ${MAX_PHRASE_LENGTH}.`, zh: `长 ${phrase.length} 个字符；一个说法最多 ${MAX_PHRASE_LENGTH} 个字符。` });
    return false;
  }
  if (isTemplate(phrase)) {
    const lang = /[\u3400-\u9fff]/.test(phrase) ? 'zh' : 'en';
    const problem = templateProblem(phrase, lang, wordClasses(lang));
    if (problem) {
      log.add(key, { en: `"${phrase}": ${problem}.`, zh: `“${phrase}”：${problem}。` });
      return false;
    }
  }
  return true;
}

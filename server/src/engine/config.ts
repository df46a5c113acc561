import { PLATFORMS, DEFAULT_PLATFORM, type PlatformOverride } from './count/platforms';
import { compileUserPatterns, NO_PATTERNS, type UserPatterns } from './patterns';
import { isRecord, ProblemLog, shown } from './settings/problems';
import { resolveRuleLevels, type RuleLevel } from './settings/ruleLevels';
import { resolveWords, WORD_LIST_KEYS, type WordListData } from './settings/words';
import type { ConfigProblem, Locale, Localized, SeverityOrOff } from './types';

export { isRecord, dedupeProblems, ProblemLog } from './settings/problems';
export { resolveRuleLevels, defaultOptions, type RuleLevel } from './settings/ruleLevels';
export type { WordEntry, WordListData } from './settings/words';

/**
 * What `postlint.*` holds: the VS Code settings object, the CLI's settings file, or a test's literal.
 * Every field is optional and untrusted: `resolveConfig` validates it and names each bad key.
 */
export interface PostlintSettings {
  enable?: boolean;
  platform?: string;
  platforms?: Record<string, PlatformOverride>;
  rules?: Record<string, RuleSetting>;
  words?: WordSettings;
  patterns?: unknown[];
  wordLists?: string[];
  locale?: 'auto' | Locale;
  maxFileSize?: number;
  requireDisableReason?: boolean;
  run?: 'onType' | 'onSave';
  debounceMs?: number;
  /**
   * Filled in by the host (language server, CLI), never by users: the files `wordLists` names, read
   * and checked against the workspace folder. The engine does no I/O of its own.
   */
  wordListData?: WordListData[];
  /** Set by the language server in an untrusted workspace: `patterns` and `wordLists` are then ignored. */
  restricted?: boolean;
  [key: string]: unknown;
}

/**
 * `allow`, and one list per phrase family under its settings key (`hardSelling`, `pressRelease`, `hooks`):
 * each a phrase or `{ phrase, rewrite?, reason? }`; untrusted until `resolveConfig` has checked it.
 */
export interface WordSettings {
  allow?: string[];
  [settingsKey: string]: unknown[] | undefined;
}

export type RuleSetting = SeverityOrOff | ({ severity?: SeverityOrOff } & Record<string, unknown>);

export interface Config {
  /**
   * The settings as given, except `words`, which holds the valid entries of `postlint.words` and the
   * word-list files merged, as `{ phrase, rewrite?, reason? }` objects.
   */
  settings: PostlintSettings;
  enable: boolean;
  /** The platform used when front matter names none. */
  platform: string;
  platformOverrides: Record<string, PlatformOverride>;
  rules: Map<string, RuleLevel>;
  locale: Locale;
  /** Phrases never flagged, lower-cased. */
  allow: string[];
  maxFileSize: number;
  run: 'onType' | 'onSave';
  debounceMs: number;
  requireDisableReason: boolean;
  /** `postlint.patterns`, compiled; empty in a restricted workspace. */
  patterns: UserPatterns;
  problems: ConfigProblem[];
  /** Per-config memo for compiled lexicons and patterns, so they compile once per settings change. */
  memo<T>(key: string, build: () => T): T;
}

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;
export const DEFAULT_DEBOUNCE_MS = 150;
export const MAX_DEBOUNCE_MS = 5000;
export const MAX_WORD_LISTS = 20;

/** Every key `postlint.*` may hold; anything else is most likely a typo and is reported. */
const KNOWN_KEYS = new Set([
  'enable', 'platform', 'platforms', 'rules', 'words', 'patterns', 'wordLists', 'locale', 'maxFileSize',
  'requireDisableReason', 'run', 'debounceMs', 'wordListData', 'restricted',
]);

const configCache = new WeakMap<object, Config>();

/** Validates and compiles settings once per settings object. */
export function resolveConfig(settings: PostlintSettings = {}): Config {
  // Only objects can key the cache; anything else (null, a number) is reported below, never thrown on.
  const cacheable = typeof settings === 'object' && settings !== null;
  const cached = cacheable ? configCache.get(settings) : undefined;
  if (cached) return cached;
  const raw: PostlintSettings = isRecord(settings) ? settings : {};

  let locale: Locale = 'en';
  const localeProblem = raw.locale !== undefined && raw.locale !== 'auto' && raw.locale !== 'en' && raw.locale !== 'zh-CN';
  if (raw.locale === 'zh-CN') locale = 'zh-CN';
  const log = new ProblemLog(locale);
  if (!isRecord(settings)) log.add('postlint', { en: `must be an object of settings, not ${shown(settings)}.`, zh: `应为设置对象，而不是 ${shown(settings)}。` });
  if (localeProblem) log.add('postlint.locale', { en: `must be "auto", "en" or "zh-CN", not ${shown(raw.locale)}.`, zh: `应为 "auto"、"en" 或 "zh-CN"，而不是 ${shown(raw.locale)}。` });
  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.has(key)) log.add(`postlint.${key}`, { en: `is not a postlint setting; known settings are ${[...KNOWN_KEYS].slice(0, -2).join(', ')}.`, zh: `不是 postlint 的设置项；可用的有 ${[...KNOWN_KEYS].slice(0, -2).join('、')}。` });
  }

  let platform = DEFAULT_PLATFORM;
  if (raw.platform !== undefined) {
    if (typeof raw.platform === 'string' && PLATFORMS[raw.platform]) platform = raw.platform;
    else log.add('postlint.platform', unknownPlatform(raw.platform));
  }
  const platformOverrides = validatePlatformOverrides(raw.platforms, log);
  const rules = resolveRuleLevels(raw.rules, 'postlint.rules', log);

  const restricted = raw.restricted === true;
  const wordLists = validateWordLists(raw.wordLists, restricted, log);
  const wordListData = restricted || wordLists.length === 0 || !Array.isArray(raw.wordListData) ? [] : raw.wordListData;
  if (raw.words !== undefined && !isRecord(raw.words)) log.add('postlint.words', { en: `must be an object with ${WORD_LIST_KEYS.join(', ')}.`, zh: `应为含 ${WORD_LIST_KEYS.join('、')} 的对象。` });
  const words = resolveWords(isRecord(raw.words) ? raw.words : undefined, wordListData, wordLists, log);

  let patterns = NO_PATTERNS;
  if (restricted && Array.isArray(raw.patterns) && raw.patterns.length > 0) log.add('postlint.patterns', restrictedMessage('patterns'));
  else if (!restricted) patterns = compileUserPatterns(raw.patterns, log);

  const config: Config = {
    settings: { ...raw, words },
    enable: boolean(raw, 'enable', true, log),
    platform,
    platformOverrides,
    rules,
    locale,
    allow: words.allow.map((phrase) => phrase.toLowerCase()),
    maxFileSize: wholeNumber(raw, 'maxFileSize', DEFAULT_MAX_FILE_SIZE, 1, Number.MAX_SAFE_INTEGER, log),
    run: runMode(raw.run, log),
    debounceMs: wholeNumber(raw, 'debounceMs', DEFAULT_DEBOUNCE_MS, 0, MAX_DEBOUNCE_MS, log),
    requireDisableReason: boolean(raw, 'requireDisableReason', false, log),
    patterns,
    problems: log.list(),
    memo: memoizer(),
  };
  if (cacheable) configCache.set(settings, config);
  return config;
}

function memoizer(): <T>(key: string, build: () => T) => T {
  const store = new Map<string, unknown>();
  return <T>(key: string, build: () => T): T => {
    if (!store.has(key)) store.set(key, build());
    return store.get(key) as T;
  };
}

/** The paths of `postlint.wordLists` a host should read: the valid ones, at most `MAX_WORD_LISTS`. */
export function wordListPaths(settings: PostlintSettings): string[] {
  const value = isRecord(settings) ? settings.wordLists : undefined;
  if (!Array.isArray(value)) return [];
  return value.slice(0, MAX_WORD_LISTS).filter((p): p is string => typeof p === 'string' && p.trim() !== '');
}

function validateWordLists(value: unknown, restricted: boolean, log: ProblemLog): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    log.add('postlint.wordLists', { en: 'must be a list of workspace-relative paths, such as ["lists/brand.yaml"].', zh: '应为工作区内相对路径的列表，例如 ["lists/brand.yaml"]。' });
    return [];
  }
  if (restricted && value.length > 0) {
    log.add('postlint.wordLists', restrictedMessage('wordLists'));
    return [];
  }
  if (value.length > MAX_WORD_LISTS) log.add('postlint.wordLists', { en: `names ${value.length} files; only the first ${MAX_WORD_LISTS} are read.`, zh: `列了 ${value.length} 个文件；只读取前 ${MAX_WORD_LISTS} 个。` });
  value.slice(0, MAX_WORD_LISTS).forEach((path, i) => {
    if (typeof path !== 'string' || path.trim() === '') log.add(`postlint.wordLists[${i}]`, { en: `must be a path such as "lists/brand.yaml", not ${shown(path)}.`, zh: `应为路径，例如 "lists/brand.yaml"，而不是 ${shown(path)}。` });
  });
  return value;
}

function restrictedMessage(key: 'patterns' | 'wordLists'): Localized {
  return {
    en: `is ignored in Restricted Mode, because a stranger's repository could set it; trust this workspace to use its ${key === 'patterns' ? 'patterns' : 'word lists'}.`,
    zh: `在受限模式下被忽略，因为陌生仓库也可能设置它；信任此工作区后才会使用其中的${key === 'patterns' ? '正则' : '词表'}。`,
  };
}

function boolean(raw: PostlintSettings, key: 'enable' | 'requireDisableReason', fallback: boolean, log: ProblemLog): boolean {
  const value = raw[key];
  if (value === undefined) return fallback;
  if (typeof value === 'boolean') return value;
  log.add(`postlint.${key}`, { en: `must be true or false, not ${shown(value)}.`, zh: `应为 true 或 false，而不是 ${shown(value)}。` });
  return fallback;
}

function wholeNumber(raw: PostlintSettings, key: 'maxFileSize' | 'debounceMs', fallback: number, min: number, max: number, log: ProblemLog): number {
  const value = raw[key];
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `from ${min} to ${max}`;
  const rangeZh = max === Number.MAX_SAFE_INTEGER ? `不小于 ${min}` : `在 ${min} 到 ${max} 之间`;
  log.add(`postlint.${key}`, { en: `must be a whole number ${range}, not ${shown(value)}; using ${fallback}.`, zh: `应为${rangeZh}的整数，而不是 ${shown(value)}；暂用 ${fallback}。` });
  return fallback;
}

function runMode(value: unknown, log: ProblemLog): 'onType' | 'onSave' {
  if (value === undefined || value === 'onType' || value === 'onSave') return value ?? 'onType';
  log.add('postlint.run', { en: `must be "onType" or "onSave", not ${shown(value)}.`, zh: `应为 "onType" 或 "onSave"，而不是 ${shown(value)}。` });
  return 'onType';
}

export function unknownPlatformMessage(value: unknown, locale: Locale = 'en'): string {
  const message = unknownPlatform(value);
  return locale === 'zh-CN' ? message.zh : message.en;
}

function unknownPlatform(value: unknown): Localized {
  const ids = Object.keys(PLATFORMS);
  return { en: `unknown platform ${shown(value)}; expected one of ${ids.join(', ')}.`, zh: `未知平台 ${shown(value)}；可选：${ids.join('、')}。` };
}

function validatePlatformOverrides(input: unknown, log: ProblemLog): Record<string, PlatformOverride> {
  const result: Record<string, PlatformOverride> = {};
  if (input === undefined) return result;
  if (!isRecord(input)) {
    log.add('postlint.platforms', { en: 'must be an object keyed by platform id, such as { "weibo": { "limit": 140 } }.', zh: '应为以平台 id 为键的对象，例如 { "weibo": { "limit": 140 } }。' });
    return result;
  }
  for (const [id, value] of Object.entries(input)) {
    const key = `postlint.platforms.${id}`;
    if (!PLATFORMS[id]) {
      log.add(key, unknownPlatform(id));
      continue;
    }
    if (!isRecord(value)) {
      log.add(key, { en: 'must be an object such as { "limit": 140 }.', zh: '应为对象，例如 { "limit": 140 }。' });
      continue;
    }
    const override: PlatformOverride = {};
    for (const [field, v] of Object.entries(value)) {
      if (field === 'limit' || field === 'maxHashtags') {
        if (typeof v === 'number' && Number.isInteger(v) && v > 0) override[field] = v;
        else log.add(`${key}.${field}`, { en: `must be a positive whole number, not ${shown(v)}.`, zh: `应为正整数，而不是 ${shown(v)}。` });
      } else if (field === 'fold') {
        if (v === null || (typeof v === 'number' && Number.isInteger(v) && v > 0)) override.fold = v;
        else log.add(`${key}.fold`, { en: `must be a positive whole number, or null for no fold, not ${shown(v)}.`, zh: `应为正整数，或 null 表示不折叠，而不是 ${shown(v)}。` });
      } else log.add(`${key}.${field}`, { en: 'is not a platform field; use limit, fold or maxHashtags.', zh: '不是平台字段；可用 limit、fold、maxHashtags。' });
    }
    result[id] = override;
  }
  return result;
}

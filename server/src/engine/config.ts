import { PLATFORMS, DEFAULT_PLATFORM, type PlatformOverride } from './count/platforms';
import { compileUserPatterns, NO_PATTERNS, type UserPatterns } from './patterns';
import { MAX_SETTING_DEPTH, withoutDeepValues } from './settings/bounds';
import { isRecord, ProblemLog, shown } from './settings/problems';
import { resolveRuleLevels, type RuleLevel } from './settings/ruleLevels';
import type { RuleConfig, RuleSet } from './rule';
import type { PostlintSettings } from './settings/postlintSettings';
import { resolveWords, wordListKeys } from './settings/words';
import { inLocale, type ConfigProblem, type Locale, type Localized } from './types';

export { isRecord, dedupeProblems, ProblemLog } from './settings/problems';
export { resolveRuleLevels, defaultOptions, type RuleLevel } from './settings/ruleLevels';
export type { WordEntry, WordListData } from './settings/words';
export type { PostlintSettings, RuleSetting, WordSettings } from './settings/postlintSettings';

/** The settings resolved for one rule set; rules see the part declared in `RuleConfig`. */
export interface Config extends RuleConfig {
  enable: boolean;
  /** The platform used when front matter names none. */
  platform: string;
  platformOverrides: Record<string, PlatformOverride>;
  rules: Map<string, RuleLevel>;
  locale: Locale;
  run: 'onType' | 'onSave';
  debounceMs: number;
  /** `postlint.preview.account`: the display name and handle the preview's cards show; placeholders where absent. */
  previewAccount: { name?: string; handle?: string };
  /** `postlint.patterns`, compiled; empty in a restricted workspace. */
  patterns: UserPatterns;
  problems: ConfigProblem[];
}

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;
export const DEFAULT_DEBOUNCE_MS = 150;
export const MAX_DEBOUNCE_MS = 5000;
export const MAX_WORD_LISTS = 20;

/** Every key `postlint.*` may hold; anything else is most likely a typo and is reported. */
const KNOWN_KEYS = new Set([
  'enable', 'platform', 'platforms', 'rules', 'words', 'patterns', 'wordLists', 'locale', 'maxFileSize',
  'requireDisableReason', 'run', 'debounceMs', 'preview',
  // The language client's own trace setting (postlint.trace.server): read by the client, never by the engine.
  'trace',
  'wordListData', 'restricted',
]);

const configCaches = new WeakMap<RuleSet, WeakMap<object, Config>>();

/** Validates and compiles settings once per settings object, for the rules of `set`. */
export function resolveConfig(settings: PostlintSettings, set: RuleSet): Config {
  // Only objects can key the cache; anything else (null, a number) is reported below, never thrown on.
  const cacheable = typeof settings === 'object' && settings !== null;
  let configCache = configCaches.get(set);
  if (!configCache) configCaches.set(set, (configCache = new WeakMap()));
  const cached = cacheable ? configCache.get(settings) : undefined;
  if (cached) return cached;
  // A value nested thousands deep is dropped before anything walks it, and named below.
  const bounded = withoutDeepValues(settings);
  const raw: PostlintSettings = bounded.settings;

  let locale: Locale = 'en';
  const localeProblem = raw.locale !== undefined && raw.locale !== 'auto' && raw.locale !== 'en' && raw.locale !== 'zh-CN';
  if (raw.locale === 'zh-CN') locale = 'zh-CN';
  const log = new ProblemLog(locale);
  for (const key of bounded.tooDeep) log.add(`postlint.${key}`, { en: `nests more than ${MAX_SETTING_DEPTH} levels deep; it is ignored.`, zh: `嵌套超过 ${MAX_SETTING_DEPTH} 层；已忽略。` });
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
  const rules = resolveRuleLevels(raw.rules, 'postlint.rules', log, set);

  const restricted = raw.restricted === true;
  const wordLists = validateWordLists(raw.wordLists, restricted, log);
  const wordListData = restricted || wordLists.length === 0 || !Array.isArray(raw.wordListData) ? [] : raw.wordListData;
  const listKeys = wordListKeys(set.phraseFamilies);
  if (raw.words !== undefined && !isRecord(raw.words)) log.add('postlint.words', { en: `must be an object with ${listKeys.join(', ')}.`, zh: `应为含 ${listKeys.join('、')} 的对象。` });
  const words = resolveWords(isRecord(raw.words) ? raw.words : undefined, wordListData, wordLists, log, set.phraseFamilies);

  let patterns = NO_PATTERNS;
  if (restricted && Array.isArray(raw.patterns) && raw.patterns.length > 0) log.add('postlint.patterns', restrictedMessage('patterns'));
  else if (!restricted) patterns = compileUserPatterns(raw.patterns, log, set);

  const config: Config = {
    settings: { ...raw, words },
    enable: boolean(raw, 'enable', true, log),
    platform,
    platformOverrides,
    rules,
    ruleSet: set,
    locale,
    allow: words.allow.map((phrase) => phrase.toLowerCase()),
    maxFileSize: wholeNumber(raw, 'maxFileSize', DEFAULT_MAX_FILE_SIZE, 1, Number.MAX_SAFE_INTEGER, log),
    run: runMode(raw.run, log),
    debounceMs: wholeNumber(raw, 'debounceMs', DEFAULT_DEBOUNCE_MS, 0, MAX_DEBOUNCE_MS, log),
    requireDisableReason: boolean(raw, 'requireDisableReason', false, log),
    previewAccount: previewAccount(raw.preview, log),
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

function previewAccount(value: unknown, log: ProblemLog): { name?: string; handle?: string } {
  const account: { name?: string; handle?: string } = {};
  if (value === undefined) return account;
  const shape: Localized = { en: 'must be an object such as { "account": { "name": "Ada", "handle": "ada" } }.', zh: '应为对象，例如 { "account": { "name": "Ada", "handle": "ada" } }。' };
  if (!isRecord(value)) return (log.add('postlint.preview', shape), account);
  for (const key of Object.keys(value)) if (key !== 'account') log.add(`postlint.preview.${key}`, { en: 'is not a preview setting; use account.', zh: '不是预览的设置项；可用 account。' });
  if (value.account === undefined) return account;
  if (!isRecord(value.account)) return (log.add('postlint.preview.account', shape), account);
  for (const [field, v] of Object.entries(value.account)) {
    if (field !== 'name' && field !== 'handle') log.add(`postlint.preview.account.${field}`, { en: 'is not an account field; use name and handle.', zh: '不是账号字段；可用 name 和 handle。' });
    else if (typeof v === 'string') account[field] = v;
    else log.add(`postlint.preview.account.${field}`, { en: `must be text, not ${shown(v)}.`, zh: `应为文字，而不是 ${shown(v)}。` });
  }
  return account;
}

function runMode(value: unknown, log: ProblemLog): 'onType' | 'onSave' {
  if (value === undefined || value === 'onType' || value === 'onSave') return value ?? 'onType';
  log.add('postlint.run', { en: `must be "onType" or "onSave", not ${shown(value)}.`, zh: `应为 "onType" 或 "onSave"，而不是 ${shown(value)}。` });
  return 'onType';
}

export function unknownPlatformMessage(value: unknown, locale: Locale = 'en'): string {
  return inLocale(unknownPlatform(value), locale);
}

function unknownPlatform(value: unknown): Localized {
  const ids = Object.keys(PLATFORMS);
  return { en: `unknown platform ${shown(value)}; expected one of ${ids.join(', ')}.`, zh: `未知平台 ${shown(value)}；可选：${ids.join('、')}。` };
}

function validatePlatformOverrides(input: unknown, log: ProblemLog): Record<string, PlatformOverride> {
  const result = Object.create(null) as Record<string, PlatformOverride>;
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

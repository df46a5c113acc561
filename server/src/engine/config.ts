import { PLATFORMS, DEFAULT_PLATFORM, type PlatformOverride } from './count/platforms';
import type { OptionSpec, Rule } from './rule';
import { RULES, RULES_BY_ID } from './rules';
import { FAMILIES, SEVERITIES, type ConfigProblem, type Locale, type SeverityOrOff } from './types';

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
  [key: string]: unknown;
}

export interface WordSettings {
  allow?: string[];
  hardSelling?: unknown[];
  pressRelease?: unknown[];
  hooks?: unknown[];
}

export type RuleSetting = SeverityOrOff | ({ severity?: SeverityOrOff } & Record<string, unknown>);

export interface RuleLevel {
  severity: SeverityOrOff;
  options: Record<string, unknown>;
}

export interface Config {
  settings: PostlintSettings;
  /** The platform used when front matter names none. */
  platform: string;
  platformOverrides: Record<string, PlatformOverride>;
  rules: Map<string, RuleLevel>;
  locale: Locale;
  /** Phrases never flagged, lower-cased. */
  allow: string[];
  maxFileSize: number;
  problems: ConfigProblem[];
  /** Per-config memo for compiled lexicons and patterns, so they compile once per settings change. */
  memo<T>(key: string, build: () => T): T;
}

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;
const configCache = new WeakMap<object, Config>();

/** Validates and compiles settings once per settings object. */
export function resolveConfig(settings: PostlintSettings = {}): Config {
  const cached = configCache.get(settings);
  if (cached) return cached;
  const problems: ConfigProblem[] = [];
  const raw = isRecord(settings) ? settings : {};
  if (!isRecord(settings)) problems.push({ key: 'postlint', message: 'settings must be an object' });

  let platform = DEFAULT_PLATFORM;
  if (raw.platform !== undefined) {
    if (typeof raw.platform === 'string' && PLATFORMS[raw.platform]) platform = raw.platform;
    else problems.push({ key: 'postlint.platform', message: unknownPlatformMessage(raw.platform) });
  }

  const platformOverrides = validatePlatformOverrides(raw.platforms, problems);
  const rules = resolveRuleLevels(raw.rules, 'postlint.rules', problems);

  let locale: Locale = 'en';
  if (raw.locale === 'zh-CN' || raw.locale === 'en') locale = raw.locale;
  else if (raw.locale !== undefined && raw.locale !== 'auto') problems.push({ key: 'postlint.locale', message: `must be "auto", "en" or "zh-CN", not ${JSON.stringify(raw.locale)}` });

  const words = isRecord(raw.words) ? raw.words : {};
  const allow: string[] = [];
  if (words.allow !== undefined) {
    if (Array.isArray(words.allow)) {
      words.allow.forEach((phrase, i) => {
        if (typeof phrase === 'string' && phrase.trim()) allow.push(phrase.trim().toLowerCase());
        else problems.push({ key: `postlint.words.allow[${i}]`, message: 'must be a non-empty string' });
      });
    } else problems.push({ key: 'postlint.words.allow', message: 'must be an array of strings' });
  }

  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  if (raw.maxFileSize !== undefined) {
    if (typeof raw.maxFileSize === 'number' && raw.maxFileSize > 0) maxFileSize = raw.maxFileSize;
    else problems.push({ key: 'postlint.maxFileSize', message: 'must be a positive number of bytes' });
  }

  const memoStore = new Map<string, unknown>();
  const config: Config = {
    settings: raw as PostlintSettings,
    platform,
    platformOverrides,
    rules,
    locale,
    allow,
    maxFileSize,
    problems: dedupeProblems(problems),
    memo<T>(key: string, build: () => T): T {
      if (!memoStore.has(key)) memoStore.set(key, build());
      return memoStore.get(key) as T;
    },
  };
  configCache.set(settings, config);
  return config;
}

/** A family key reports a bad value once, not once per rule in the family. */
export function dedupeProblems(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const id = `${p.key}\u0000${p.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

export function unknownPlatformMessage(value: unknown): string {
  return `unknown platform ${JSON.stringify(value)}; expected one of ${Object.keys(PLATFORMS).join(', ')}`;
}

function validatePlatformOverrides(input: unknown, problems: ConfigProblem[]): Record<string, PlatformOverride> {
  const result: Record<string, PlatformOverride> = {};
  if (input === undefined) return result;
  if (!isRecord(input)) {
    problems.push({ key: 'postlint.platforms', message: 'must be an object keyed by platform id' });
    return result;
  }
  for (const [id, value] of Object.entries(input)) {
    const key = `postlint.platforms.${id}`;
    if (!PLATFORMS[id]) {
      problems.push({ key, message: unknownPlatformMessage(id) });
      continue;
    }
    if (!isRecord(value)) {
      problems.push({ key, message: 'must be an object such as { "limit": 140 }' });
      continue;
    }
    const override: PlatformOverride = {};
    for (const [field, v] of Object.entries(value)) {
      if (field === 'limit' || field === 'maxHashtags') {
        if (typeof v === 'number' && Number.isInteger(v) && v > 0) override[field] = v;
        else problems.push({ key: `${key}.${field}`, message: 'must be a positive whole number' });
      } else if (field === 'fold') {
        if (v === null || (typeof v === 'number' && Number.isInteger(v) && v > 0)) override.fold = v;
        else problems.push({ key: `${key}.fold`, message: 'must be a positive whole number, or null for no fold' });
      } else problems.push({ key: `${key}.${field}`, message: 'unknown field; expected limit, fold or maxHashtags' });
    }
    result[id] = override;
  }
  return result;
}

/**
 * Resolves every rule's severity and options from defaults, then family keys, then rule keys.
 * `base` lets front matter layer over settings.
 */
export function resolveRuleLevels(input: unknown, keyPrefix: string, problems: ConfigProblem[], base?: Map<string, RuleLevel>): Map<string, RuleLevel> {
  const levels = new Map<string, RuleLevel>();
  for (const rule of RULES) {
    levels.set(rule.meta.id, base?.get(rule.meta.id) ?? { severity: rule.meta.defaultSeverity, options: defaultOptions(rule) });
  }
  if (input === undefined || input === null) return levels;
  if (!isRecord(input)) {
    problems.push({ key: keyPrefix, message: 'must be an object keyed by rule id or family' });
    return levels;
  }
  // Family keys first so that a rule key always overrides its family, whatever the key order.
  const entries = Object.entries(input).sort(([a], [b]) => Number(RULES_BY_ID.has(a) && !isFamily(a)) - Number(RULES_BY_ID.has(b) && !isFamily(b)));
  for (const [id, value] of entries) {
    const key = `${keyPrefix}.${id}`;
    const targets = isFamily(id) ? RULES.filter((r) => r.meta.family === id) : RULES_BY_ID.has(id) ? [RULES_BY_ID.get(id)!] : [];
    if (targets.length === 0) {
      problems.push({ key, message: `unknown rule or family "${id}"; known: ${[...FAMILIES].join(', ')} and their rules (${RULES.map((r) => r.meta.id).filter((r) => r.includes('/')).join(', ')})` });
      continue;
    }
    for (const rule of targets) {
      const current = levels.get(rule.meta.id)!;
      const next = applyRuleSetting(rule, value, key, problems, isFamily(id) && id !== rule.meta.id);
      levels.set(rule.meta.id, { severity: next.severity ?? current.severity, options: { ...current.options, ...next.options } });
    }
  }
  return levels;
}

function applyRuleSetting(rule: Rule, value: unknown, key: string, problems: ConfigProblem[], viaFamily: boolean): { severity?: SeverityOrOff; options: Record<string, unknown> } {
  if (typeof value === 'string') {
    if (isSeverity(value)) return { severity: value, options: {} };
    problems.push({ key, message: severityMessage(value) });
    return { options: {} };
  }
  if (typeof value === 'boolean') return { severity: value ? rule.meta.defaultSeverity : 'off', options: {} };
  if (!isRecord(value)) {
    problems.push({ key, message: `must be a severity (${severityList()}) or an object such as { "severity": "warning" }` });
    return { options: {} };
  }
  const result: { severity?: SeverityOrOff; options: Record<string, unknown> } = { options: {} };
  for (const [name, optionValue] of Object.entries(value)) {
    if (name === 'severity') {
      if (isSeverity(optionValue)) result.severity = optionValue;
      else problems.push({ key: `${key}.severity`, message: severityMessage(optionValue) });
      continue;
    }
    const spec = rule.meta.options?.[name];
    if (!spec) {
      // A family key may carry options meant for only some of its rules.
      if (!viaFamily) problems.push({ key: `${key}.${name}`, message: `unknown option for ${rule.meta.id}; ${rule.meta.options ? `expected ${Object.keys(rule.meta.options).join(', ')}` : 'it takes no options'}` });
      continue;
    }
    const error = validateOption(spec, optionValue);
    if (error) problems.push({ key: `${key}.${name}`, message: error });
    else result.options[name] = optionValue;
  }
  return result;
}

function validateOption(spec: OptionSpec, value: unknown): string | undefined {
  switch (spec.type) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `must be a number, not ${JSON.stringify(value)}`;
      if (spec.min !== undefined && value < spec.min) return `must be at least ${spec.min}`;
      if (spec.max !== undefined && value > spec.max) return `must be at most ${spec.max}`;
      return undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `must be true or false, not ${JSON.stringify(value)}`;
    case 'string':
      if (typeof value !== 'string') return `must be a string, not ${JSON.stringify(value)}`;
      if (spec.enum && !spec.enum.includes(value)) return `must be one of ${spec.enum.join(', ')}`;
      return undefined;
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? undefined : 'must be an array of strings';
  }
}

export function defaultOptions(rule: Rule): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(rule.meta.options ?? {})) options[name] = spec.default;
  return options;
}

function isFamily(id: string): boolean {
  return (FAMILIES as readonly string[]).includes(id);
}

function isSeverity(value: unknown): value is SeverityOrOff {
  return value === 'off' || (SEVERITIES as readonly unknown[]).includes(value);
}

function severityList(): string {
  return ['off', ...SEVERITIES].map((s) => `"${s}"`).join(', ');
}

function severityMessage(value: unknown): string {
  return `must be one of ${severityList()}, not ${JSON.stringify(value)}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

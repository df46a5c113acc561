import hardSellingEn from '../../../lexicons/hard-selling.en.json';
import hardSellingZh from '../../../lexicons/hard-selling.zh.json';
import hooksEn from '../../../lexicons/hooks.en.json';
import hooksZh from '../../../lexicons/hooks.zh.json';
import pressReleaseToneEn from '../../../lexicons/press-release-tone.en.json';
import pressReleaseToneZh from '../../../lexicons/press-release-tone.zh.json';
import { isRecord, type PostlintSettings } from '../config';
import type { Localized } from '../types';
import { hasCjk } from './matcher';
import { templateEntryFields } from './signals';
import { STRONG, weightScore, type CompiledEntry, type LexiconFile, type LexiconRule } from './types';

/**
 * The built-in lists. The JSON is bundled, not read at run time; its shape is guaranteed by
 * `server/lexicons/lexicon.schema.json`, which a test checks every file against.
 */
export const LEXICON_FILES: Record<string, LexiconFile> = {
  'hard-selling.en': hardSellingEn as LexiconFile,
  'hard-selling.zh': hardSellingZh as LexiconFile,
  'press-release-tone.en': pressReleaseToneEn as LexiconFile,
  'press-release-tone.zh': pressReleaseToneZh as LexiconFile,
  'hooks.en': hooksEn as LexiconFile,
  'hooks.zh': hooksZh as LexiconFile,
};

export function builtInEntries(rule: LexiconRule): CompiledEntry[] {
  const entries: CompiledEntry[] = [];
  for (const file of Object.values(LEXICON_FILES)) {
    for (const entry of file.entries) {
      if (entry.rule !== rule) continue;
      entries.push({
        phrase: entry.phrase,
        pattern: entry.pattern,
        matchCase: entry.matchCase ?? false,
        inflect: entry.inflect ?? true,
        rule: entry.rule,
        signal: entry.signal,
        score: weightScore(entry.weight),
        rewrites: entry.rewrites ?? [],
        reason: entry.reason,
        lang: file.lang,
        custom: false,
      });
    }
  }
  return entries;
}

/** Where each rule's team phrases live in `postlint.words`. */
const SETTINGS_KEY: Record<LexiconRule, 'hardSelling' | 'pressRelease' | 'hooks'> = {
  'hard-selling': 'hardSelling',
  'press-release-tone': 'pressRelease',
  'no-hook': 'hooks',
};

const CUSTOM_REASON: Record<LexiconRule, Localized> = {
  'hard-selling': { en: "Your team's word list marks this as a sales push.", zh: '团队词表把这个说法列为硬推销。' },
  'press-release-tone': { en: "Your team's word list marks this as press-release language.", zh: '团队词表把这个说法列为新闻稿腔。' },
  'no-hook': { en: "Your team's word list counts this as an invitation to respond.", zh: '团队词表把这个说法算作邀请读者回应。' },
};

/**
 * The team's extra phrases from `postlint.words.<key>`: each a string or `{ phrase, rewrite?, reason? }`.
 * Malformed items are skipped here without a word; `resolveConfig` is where they are reported.
 */
export function customEntries(settings: PostlintSettings, rule: LexiconRule): CompiledEntry[] {
  const words = isRecord(settings.words) ? settings.words : {};
  const list = words[SETTINGS_KEY[rule]];
  if (!Array.isArray(list)) return [];
  const entries: CompiledEntry[] = [];
  for (const item of list) {
    const phrase = typeof item === 'string' ? item : isRecord(item) && typeof item.phrase === 'string' ? item.phrase : undefined;
    if (!phrase?.trim()) continue;
    const rewrite = isRecord(item) && typeof item.rewrite === 'string' ? item.rewrite : undefined;
    entries.push({
      ...templateEntryFields(phrase.trim()),
      matchCase: false,
      inflect: true,
      rule,
      signal: 'custom',
      score: STRONG,
      rewrites: rewrite === undefined ? [] : [rewrite],
      reason: (isRecord(item) && toLocalized(item.reason)) || CUSTOM_REASON[rule],
      lang: hasCjk(phrase) ? 'zh' : 'en',
      custom: true,
    });
  }
  return entries;
}

/** A team's reason is one string (shown in both locales) or `{ en, zh }`. */
function toLocalized(value: unknown): Localized | undefined {
  if (typeof value === 'string' && value.trim()) return { en: value, zh: value };
  if (isRecord(value) && typeof value.en === 'string' && typeof value.zh === 'string') return { en: value.en, zh: value.zh };
  return undefined;
}

/** Allowed phrases as match-only entries, so they get the same word boundaries and inflections. */
export function allowEntries(allow: readonly string[]): CompiledEntry[] {
  return allow.map((phrase) => ({
    ...templateEntryFields(phrase),
    matchCase: false,
    inflect: true,
    rule: 'allow',
    signal: 'allow',
    score: 0,
    rewrites: [],
    reason: { en: '', zh: '' },
    lang: hasCjk(phrase) ? 'zh' : 'en',
    custom: true,
  }));
}

import type { PostlintSettings } from '../config';
import { isRecord } from '../settings/problems';
import type { Localized } from '../types';
import { hasCjk } from '../chars';
import { templateEntryFields } from './signals';
import { STRONG, weightScore, type CompiledEntry, type PhraseFamily } from './types';

export function builtInEntries(family: PhraseFamily): CompiledEntry[] {
  const entries: CompiledEntry[] = [];
  for (const file of family.data) {
    for (const entry of file.entries) {
      entries.push({
        phrase: entry.phrase,
        pattern: entry.pattern,
        matchCase: entry.matchCase ?? false,
        inflect: entry.inflect ?? true,
        rule: family.id,
        signal: entry.signal,
        score: weightScore(entry.weight),
        rewrites: entry.rewrites ?? [],
        reason: entry.reason ?? family.reasons[entry.signal],
        lang: file.lang,
        custom: false,
      });
    }
  }
  return entries;
}

/**
 * The team's extra phrases from `postlint.words.<key>`: each a string or `{ phrase, rewrite?, reason? }`.
 * Malformed items are skipped here without a word; `resolveConfig` is where they are reported.
 */
export function customEntries(settings: PostlintSettings, family: PhraseFamily): CompiledEntry[] {
  const words = isRecord(settings.words) ? settings.words : {};
  const list = words[family.settingsKey];
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
      rule: family.id,
      signal: 'custom',
      score: STRONG,
      rewrites: rewrite === undefined ? [] : [rewrite],
      reason: (isRecord(item) && toLocalized(item.reason)) || family.customReason,
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

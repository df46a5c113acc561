import type { Localized, PostLanguage } from '../types';
import type { TemplateGate } from './templates';

/** The rule ids (or families) that lexicon data files feed. */
export const LEXICON_RULES = ['hard-selling', 'press-release-tone', 'no-hook'] as const;
export type LexiconRule = (typeof LEXICON_RULES)[number];

/** One entry of a `server/lexicons/<rule>.<lang>.json` file, as its schema describes it. */
export interface LexiconEntry {
  /** A literal phrase; English phrases also match common inflections of each word. */
  phrase?: string;
  /** A small regular expression (JavaScript syntax, `u` flag) for things a phrase cannot say, e.g. prices. */
  pattern?: string;
  /** Patterns match case-insensitively unless this is set (datelines, `About Acme`). */
  matchCase?: boolean;
  /** English phrases match inflected words unless this is false (imperatives: "shop now", not "shopping now"). */
  inflect?: boolean;
  rule: LexiconRule;
  /** The kind of signal: call-to-buy, urgency, price, hype; officialese, newsroom, boilerplate, dateline… */
  signal: string;
  /** `strong` counts 2, `weak` counts 1; a number counts as itself. */
  weight: 'strong' | 'weak' | number;
  /** Suggested replacements in the entry's language; `""` means "remove". */
  rewrites?: string[];
  reason: Localized;
}

export interface LexiconFile {
  $schema?: string;
  lang: PostLanguage;
  entries: LexiconEntry[];
}

/** An entry ready to match: language known, weight numeric, rewrites present. */
export interface CompiledEntry {
  phrase?: string;
  pattern?: string;
  /** For a pattern compiled from a signal template: what it needs where it starts, shared with its group. */
  gate?: TemplateGate;
  matchCase: boolean;
  inflect: boolean;
  rule: string;
  signal: string;
  score: number;
  rewrites: string[];
  reason: Localized;
  lang: PostLanguage;
  /** True for entries from the team's settings rather than the built-in lists. */
  custom: boolean;
}

/** A lexicon hit, in source offsets of the linted text. */
export interface PhraseMatch {
  start: number;
  end: number;
  /** The matched text as written in the post. */
  text: string;
  entry: CompiledEntry;
  /** The entry's rewrites, capitalised to fit where the match sits. */
  rewrites: string[];
}

export const STRONG = 2;
export const WEAK = 1;

export function weightScore(weight: LexiconEntry['weight']): number {
  if (weight === 'strong') return STRONG;
  if (weight === 'weak') return WEAK;
  return weight;
}

import type { LexiconEntry } from './family';
import type { Localized, PostLanguage } from '../types';
import type { TemplateGate } from './templates';

export type { LexiconEntry, LexiconFile, PhraseFamily } from './family';

/** A phrase family's id (its rule's id): `hard-selling`, `press-release-tone`, `no-hook`. */
export type LexiconRule = string;

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

/** A hit in the matched text's own offsets. */
export interface RawMatch {
  start: number;
  end: number;
  entry: CompiledEntry;
}

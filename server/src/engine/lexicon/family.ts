import type { Localized, PostLanguage } from '../types';

/**
 * A phrase-list family, described once beside its rule (`rules/<family>/family.ts`). Everything else
 * is derived from the descriptors: the compiled lexicon, the `postlint.words.*` keys and their validation,
 * the settings schema and descriptions in the manifest (`npm run manifest`), and the eval's family list.
 */
export interface PhraseFamily {
  /** The rule the lists feed; also its family id. */
  id: string;
  /** The rule's documentation page. */
  docs: string;
  /** Where the team's own phrases live: `postlint.words.<settingsKey>`. */
  settingsKey: string;
  /** The built-in lists, one per language (`<family>.<lang>.json` beside the rule), bundled. */
  data: readonly LexiconFile[];
  /** Signals with typed slots, one file per language (`<family>.signals.<lang>.json` beside the rule), bundled. */
  signals?: readonly SignalFile[];
  /** Why a reader minds a phrase, by its signal; an entry may give its own `reason` instead. */
  reasons: Readonly<Record<string, Localized>>;
  /** The reason shown for a team phrase that gives none. */
  customReason: Localized;
  /** What `postlint.words.<settingsKey>` holds, as the settings editor describes it. */
  setting: Localized;
}

/** One entry of a `rules/<family>/<family>.<lang>.json` file, as `lexicon.schema.json` describes it. */
export interface LexiconEntry {
  /** A literal phrase; English phrases also match common inflections of each word. */
  phrase?: string;
  /** A small regular expression (JavaScript syntax, `u` flag) for things a phrase cannot say, e.g. prices. */
  pattern?: string;
  /** Patterns match case-insensitively unless this is set (datelines, `About Acme`). */
  matchCase?: boolean;
  /** English phrases match inflected words unless this is false (imperatives: "shop now", not "shopping now"). */
  inflect?: boolean;
  /** The kind of signal: call-to-buy, urgency, price, hype; officialese, newsroom, boilerplate, dateline… */
  signal: string;
  /** `strong` counts 2, `weak` counts 1; a number counts as itself. */
  weight: 'strong' | 'weak' | number;
  /** Suggested replacements in the entry's language; `""` means "remove". */
  rewrites?: string[];
  /** Overrides the family's reason for the entry's signal. */
  reason?: Localized;
}

export interface LexiconFile {
  $schema?: string;
  lang: PostLanguage;
  entries: LexiconEntry[];
}

/** One signal of a `rules/<family>/<family>.signals.<lang>.json` file, as `signals.schema.json` describes it. */
export interface SignalEntry {
  /** Tokens with typed slots: `{offer} {ends} … {DEADLINE}`, `还剩 {COUNT}` (see `lexicon/templates.ts`). */
  template: string;
  signal: string;
  weight: LexiconEntry['weight'];
  matchCase?: boolean;
  rewrites?: string[];
  /** Overrides the family's reason for the entry's signal. */
  reason?: Localized;
}

export interface SignalFile {
  $schema?: string;
  lang: PostLanguage;
  signals: SignalEntry[];
}

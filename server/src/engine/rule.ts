import type { Measure } from './count/measure';
import type { PlatformSpec } from './count/platforms';
import type { PhraseFamily } from './lexicon/family';
import type { FrontMatterProblem } from './parse/frontMatter';
import type { ParsedPost } from './parse/post';
import type { PostlintSettings } from './settings/postlintSettings';
import type { Family, FixKind, Locale, Localized, OffsetEdit, Severity } from './types';

export const DOCS_BASE = 'https://github.com/postlint/postlint/blob/main/docs/rules/';

/** A rule option, validated against this spec when it comes from settings or front matter. */
export type OptionSpec =
  | { type: 'number'; default: number; min?: number; max?: number; description: Localized }
  | { type: 'boolean'; default: boolean; description: Localized }
  | { type: 'string'; default: string; enum?: readonly string[]; description: Localized }
  | { type: 'string[]'; default: readonly string[]; description: Localized };

export interface RuleMeta {
  /** `family` or `family/check`. */
  id: string;
  family: Family;
  defaultSeverity: Severity;
  description: Localized;
  /** Why it matters to a reader, for hovers (from the seed article's principles). */
  rationale: Localized;
  /** Link to `docs/rules/<id>.md`. */
  docs: string;
  /** Whether findings carry a preferred fix. */
  fixable: boolean;
  options?: Record<string, OptionSpec>;
  /** A part the core plays through this rule, so that the core names no rule (see `RuleRole`). */
  role?: RuleRole;
  /** Its findings are about a platform's count: hosts show how the post was counted beside them. */
  aboutCount?: boolean;
  /** Its finding spans the text past the platform's limit: hosts offer to select it. */
  spansOverflow?: boolean;
}

/**
 * `patterns`: the team's patterns that name no rule are filed under it. `directives`: it reports problems
 * with inline directives, which therefore never silence it. `file-size`: the one rule that runs on a file
 * over `postlint.maxFileSize`, which is not parsed.
 */
export type RuleRole = 'patterns' | 'directives' | 'file-size';

export interface FixSpec {
  title: string;
  edits: OffsetEdit[];
  preferred?: boolean;
  /**
   * 'suggestion' for an edit that adds content the writer did not write or restructures the post. Left out,
   * `lint` decides: an edit that deletes words, or any fix of a hint, is a suggestion; anything else a fix.
   */
  kind?: FixKind;
}

export interface Finding {
  start: number;
  end: number;
  message: string;
  /**
   * A function when the fixes cost far more to build than the finding (a thread split): it runs only when
   * a host reads the diagnostic's `fixes`, at most once. Cheap fixes stay arrays: the lazy property costs
   * about a microsecond per diagnostic, more than building a one-edit fix.
   */
  fixes?: FixSpec[] | (() => FixSpec[]);
  /** Raises the configured severity one step (several signals together). */
  escalate?: boolean;
  /** Replaces the configured severity for this finding only. */
  severity?: Severity;
  platform?: string;
  phrase?: string;
  /**
   * A finding about the whole post: `lint` shows it on the first (`head`) or last (`tail`) word of the
   * reported range, or the nearest word no other finding covers, so it never buries a phrase's underline.
   */
  anchor?: 'head' | 'tail';
}

export interface PlatformTarget {
  spec: PlatformSpec;
  measure: Measure;
}

export interface RuleContext {
  post: ParsedPost;
  config: RuleConfig;
  /** The platforms this post targets; the first is the primary one. */
  targets: PlatformTarget[];
  /** This rule's options, defaults filled in and validated. */
  options: Record<string, unknown>;
  locale: Locale;
  /** Problems found in the front matter (YAML syntax, unknown platform, bad rule settings). */
  frontMatterProblems: FrontMatterProblem[];
  t(text: Localized): string;
  /**
   * Keeps a finding. False once the rule has reached the most findings a post keeps per rule: a rule
   * that can report thousands on a big document stops looking then, rather than build findings no one sees.
   */
  report(finding: Finding): boolean;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

/**
 * The rules a lint runs and the phrase families their lists come from. `lint` hands it to whatever needs
 * to know the rules (rule levels, directives, patterns, the lexicon) through the config, so that no module
 * of the core imports a rule: `engine/index.ts` binds the built-in set (`rules/index.ts`), and a rule's
 * tests may run a set of one. Declared beside `Rule` because each holds the other (a rule's context
 * carries the set); `ruleSet.ts` has the functions over it.
 */
export interface RuleSet {
  readonly rules: readonly Rule[];
  readonly byId: ReadonlyMap<string, Rule>;
  readonly phraseFamilies: readonly PhraseFamily[];
}

/**
 * What a rule reads of the resolved config; `Config` (config.ts) extends it. Declared here rather than
 * imported, so that the rule's types and the config's module do not import each other.
 */
export interface RuleConfig {
  /**
   * The settings as given, except `words`, which holds the valid entries of `postlint.words` and the
   * word-list files merged, as `{ phrase, rewrite?, reason? }` objects.
   */
  settings: PostlintSettings;
  /** The rules this config was resolved for, with their phrase families. */
  ruleSet: RuleSet;
  /** Phrases never flagged, lower-cased. */
  allow: string[];
  maxFileSize: number;
  requireDisableReason: boolean;
  /** Per-config memo for compiled lexicons and patterns, so they compile once per settings change. */
  memo<T>(key: string, build: () => T): T;
}

export function docsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

// The engine's public vocabulary. Nothing here knows about LSP or VS Code:
// the server and the CLI translate these shapes for their own worlds.

export const FAMILIES = ['length', 'formatting', 'hard-selling', 'press-release-tone', 'no-media', 'no-hook'] as const;
export type Family = (typeof FAMILIES)[number];

export const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type SeverityOrOff = Severity | 'off';

export type Locale = 'en' | 'zh-CN';
/** A text in both message languages; the engine picks one by `settings.locale`. */
export interface Localized {
  en: string;
  zh: string;
}

/** The text in the message language: Chinese for `zh-CN`, English for anything else. */
export function inLocale(text: Localized, locale: string): string {
  return locale === 'zh-CN' ? text.zh : text.en;
}

/** LSP-compatible position: 0-based line, UTF-16 code-unit character. */
export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

/** An edit in UTF-16 offsets of the linted text. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/**
 * As ESLint splits them: a `fix` is safe (it keeps the meaning and leaves well-formed copy) and is applied in
 * bulk (`--fix`, fix-all, fix on save); a `suggestion` deletes words, adds content the writer did not write
 * (an image, a question), or is a matter of taste (a hint), so it is only offered, one at a time.
 */
export type FixKind = 'fix' | 'suggestion';

export interface Fix {
  title: string;
  kind: FixKind;
  /** At most one fix per finding is preferred, and never a suggestion; fix-all applies only preferred fixes. */
  preferred: boolean;
  edits: TextEdit[];
  /** The same edits in offsets, for appliers that work on strings. */
  offsetEdits: OffsetEdit[];
}

export interface Diagnostic {
  rule: string;
  family: Family;
  severity: Severity;
  message: string;
  range: Range;
  /** UTF-16 offsets of `range` in the linted text. */
  start: number;
  end: number;
  /** Link to the rule's documentation page. */
  docs: string;
  fixes: Fix[];
  /** For `length` findings when a post targets several platforms. */
  platform?: string;
  /** The phrase that triggered a lexicon finding (for "allow this phrase"). */
  phrase?: string;
}

export interface PlatformStats {
  platform: string;
  /** Count in the platform's own units. */
  length: number;
  limit: number;
  fold?: number;
  /** For a thread on a platform that threads replies: how many posts; `length` is then the longest one's. */
  parts?: number;
  /** With `parts`: each post of the thread, where it starts (a source offset) and its count. */
  thread?: { start: number; length: number }[];
  /** Human-readable breakdown of how the count was made, in the message locale. */
  breakdown?: string;
}

export interface LintStats extends PlatformStats {
  /** One entry per platform the post targets; the first is the primary one. */
  platforms: PlatformStats[];
  /** The dominant language of the post. */
  lang: PostLanguage;
}

export interface LintResult {
  diagnostics: Diagnostic[];
  stats: LintStats;
  /** Problems in the settings that were passed in; each names the key. */
  configProblems: ConfigProblem[];
}

export interface ConfigProblem {
  /** The setting key, e.g. `postlint.rules.formatting/wall-of-text.maxChars`. */
  key: string;
  message: string;
}

export type PostLanguage = 'zh' | 'en';

import type { PlatformOverride } from '../count/platforms';
import type { Locale, SeverityOrOff } from '../types';
import type { WordListData } from './words';

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
  /** The account the feed preview shows: `{ account: { name, handle } }`. */
  preview?: unknown;
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

// Every custom message between the extension and the language server, typed once so the
// compiler checks both ends of the contract.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { PreviewModel } from '../server/src/engine/preview/model';

export type { PreviewModel };

/** What the status bar shows for one platform: `X 231/280`. */
export interface PlatformCount {
  platform: string;
  /** Display name in the message language, e.g. `X`, `微博`. */
  name: string;
  length: number;
  limit: number;
  fold?: number;
  /**
   * A thread on a platform that threads replies: each post's first line in the file and its count. `length`
   * is then the longest post's; the status bar shows the post under the cursor.
   */
  thread?: { line: number; length: number }[];
}

export interface PostStats {
  uri: string;
  version: number;
  /** The primary platform first. */
  platforms: PlatformCount[];
  over: boolean;
}

export interface StatsParams {
  uri: string;
}

/** Asks for the counts of an open post (e.g. when the status bar first shows it). */
export const StatsRequest = new RequestType<StatsParams, PostStats | null, void>('postlint/stats');

/** Pushed after every lint so the status bar follows typing without polling. */
export const StatsNotification = new NotificationType<PostStats>('postlint/didLint');

export interface ConfigProblemsParams {
  /** The folder or file whose settings are wrong. */
  scope: string;
  problems: { key: string; message: string }[];
}

/** Settings problems, sent once per settings change, for a notification in the editor. */
export const ConfigProblemsNotification = new NotificationType<ConfigProblemsParams>('postlint/configProblems');

/** What the client passes in `initialize`. */
export interface InitializationOptions {
  /**
   * Whether the user trusts the workspace. In VS Code's Restricted Mode the server ignores
   * `postlint.patterns` and `postlint.wordLists`; absent means trusted (editors without the notion).
   */
  trusted?: boolean;
  /** The client runs `postlint.openRuleDoc`: rule links are `command:` links to it (the page shipped with the extension). */
  ruleDocsCommand?: boolean;
}

export interface WorkspaceTrustParams {
  trusted: boolean;
}

/** Sent when the user grants workspace trust, so patterns and word lists apply without a reload. */
export const WorkspaceTrustNotification = new NotificationType<WorkspaceTrustParams>('postlint/workspaceTrust');

export interface ReadWordListParams {
  /** The file, inside a workspace folder. */
  uri: string;
  /** Larger files are not read. */
  maxBytes: number;
}

/** What the editor found: the file's text, or why it was not read. */
export type ReadWordListResult =
  | { text: string }
  | { problem: 'missing' | 'not-file' | 'symlink' }
  | { problem: 'too-big'; size: number }
  | { problem: 'unreadable'; reason: string };

/**
 * The browser server has no disk: it asks the editor for word-list files, which reads them with
 * `vscode.workspace.fs` wherever the workspace lives (github.dev's repository, a remote, memory).
 */
export const ReadWordListRequest = new RequestType<ReadWordListParams, ReadWordListResult, void>('postlint/readWordList');
export interface PreviewParams {
  uri: string;
}

/**
 * The feed preview of an open post, built by the server from its newest lint. Local media come back as
 * `missing`: the server does not read the client's files (in a browser it cannot), so the client checks
 * which exist (`workspace.fs`) and shows those.
 */
export const PreviewRequest = new RequestType<PreviewParams, PreviewModel | null, void>('postlint/preview');

/** Client-side commands the server's code actions invoke. */
export const Commands = {
  allowPhrase: 'postlint.allowPhrase',
  openRuleDoc: 'postlint.openRuleDoc',
  selectRange: 'postlint.selectRange',
  showOutput: 'postlint.showOutput',
  restartServer: 'postlint.restartServer',
  openPreviewToSide: 'postlint.openPreviewToSide',
} as const;

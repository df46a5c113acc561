// The editor sessions the suite runs in. Both launchers (code-server and @vscode/test-electron)
// open the same workspaces with the same trust, and the test index picks the suites by name.

export type ScenarioName = 'folder' | 'multi-root' | 'restricted' | 'preview' | 'editor';

export interface Scenario {
  name: ScenarioName;
  /** What to open, relative to `test/e2e/workspaces/` (the launchers open a fresh copy). */
  open: { folder: string } | { workspace: string };
  /** False starts the editor with workspace trust enabled, so the folder opens in restricted mode. */
  trusted: boolean;
  /** Takes screenshots or clicks inside webviews through the launcher's browser driver (`suite/driver.ts`). */
  needsBrowserDriver?: boolean;
}

export const SCENARIOS: readonly Scenario[] = [
  { name: 'folder', open: { folder: 'folder' }, trusted: true },
  { name: 'multi-root', open: { workspace: 'multi-root/posts.code-workspace' }, trusted: true },
  { name: 'restricted', open: { folder: 'restricted' }, trusted: false },
  // The feed preview in its own session: its webview, theme changes and screenshots stay out of the other suites' way.
  { name: 'preview', open: { folder: 'preview' }, trusted: true, needsBrowserDriver: true },
  // What a copywriter sees in the editor (fix on save, the light bulb, a thread's count), kept as screenshots.
  { name: 'editor', open: { folder: 'editor' }, trusted: true, needsBrowserDriver: true },
];

/** Names the scenario for the test index (the extension host inherits the launcher's environment). */
export const SCENARIO_ENV = 'POSTLINT_E2E_SCENARIO';
/** The file the test index writes its report to; workbench console output is not reliable. */
export const RESULTS_ENV = 'POSTLINT_E2E_RESULTS';
/** The editor's user-data folder, whose `logs/` hold what each output channel printed. */
export const USER_DATA_ENV = 'POSTLINT_E2E_USER_DATA';
/** Set when the extension under test is the installed .vsix, not the development folder. */
export const PACKAGED_ENV = 'POSTLINT_E2E_PACKAGED';

/**
 * The web pass has no environment variables: the launcher writes this file into the workspace
 * copy it opens, and the web test index reads it through the editor.
 */
export const WEB_RUN_FILE = '.vscode/postlint-e2e.json';

/**
 * The web pass has no file to write its report to either: each line goes to the console with this
 * mark, the workbench relays the console to the page (`codeAutomationLog`), and the launcher keeps
 * the marked lines.
 */
export const REPORT_MARK = '[postlint-e2e] ';

export interface WebRun {
  /** The extension under test is the installed .vsix, not the development folder. */
  packaged: boolean;
  /** code-server with the extension forced into its web worker, or the VS Code OSS web build (like vscode.dev). */
  launcher: 'code-server' | 'test-web';
}
/**
 * A folder the suite drops requests into for the launcher that drives the browser: screenshots of the
 * workbench and clicks inside webviews, which the extension host cannot do itself (see `suite/driver.ts`).
 * Unset under launchers without a browser driver.
 */
export const DRIVER_ENV = 'POSTLINT_E2E_DRIVER';
/** Runs only the tests whose full title matches this regular expression (the launcher's environment passes through). */
export const GREP_ENV = 'POSTLINT_E2E_GREP';

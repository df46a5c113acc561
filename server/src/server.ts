// The language server: it only translates between LSP and the pure engine. The Node entry
// (`node.ts`, dist/server.js) and the browser entry (`browser.ts`, dist/web/server.js, a web worker)
// each make the connection and say how word lists are read, then call `startServer`.
import {
  DidChangeConfigurationNotification,
  ErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigProblemsNotification, PreviewRequest, StatsNotification, StatsRequest, WorkspaceTrustNotification, type InitializationOptions, type PostStats } from '../../shared/protocol';
import { lint, type Locale, type LintOutput, PLATFORMS, previewPost, resolveConfig, type PostlintSettings } from './engine';
import { CODE_ACTION_KINDS, codeActionsFor, type CurrentLint } from './lsp/codeActions';
import { hoverFor } from './lsp/hover';
import { localeOf, SettingsStore, WorkspaceFolders } from './lsp/settings';
import { toLspDiagnostic } from './lsp/translate';
import { commandLink, shippedOrWeb, type RuleDocLink } from './lsp/ruleDocs';
import type { WordListSource } from './lsp/wordListSource';

export interface LintedDocument {
  version: number;
  settings: PostlintSettings;
  output: LintOutput;
}

/** What differs between the Node and the browser server: where word lists come from. */
export interface ServerHost {
  /** Reads and watches word lists; `onChange` re-lints every open post when one changes. */
  wordLists(connection: Connection, onChange: () => void): WordListSource;
  /** A rule's page shipped beside the server, as a URL the editor can open; undefined where there is none. */
  shippedRuleDoc?(rule: string): string | undefined;
}

export function startServer(connection: Connection, host: ServerHost): void {
  const documents = new TextDocuments(TextDocument);

  let canPullConfiguration = false;
  let canRegisterConfigurationChange = false;
  let supportsWorkspaceFolders = false;
  let clientLocale: Locale = 'en';
  /** VS Code's Restricted Mode turns this off; other editors have no such notion and send nothing. */
  let trusted = true;
  let docLink: RuleDocLink = shippedOrWeb(host.shippedRuleDoc);
  const folders = new WorkspaceFolders();
  const wordLists = host.wordLists(connection, () => refreshAll());
  const settingsStore = new SettingsStore(connection, {
    canPull: () => canPullConfiguration,
    clientLocale: () => clientLocale,
    trusted: () => trusted,
    folderOf: (uri) => folders.folderOf(uri),
    wordLists,
  });

  /** The newest lint of each open document, for code actions, hovers and the status bar. */
  const linted = new Map<string, LintedDocument>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Config problems already shown, per scope, so a notification appears once per change. */
  const reportedProblems = new Map<string, string>();
  /** After `shutdown` the protocol allows no more work: requests get an error, nothing is linted. */
  let shutDown = false;

  connection.onShutdown(() => {
    shutDown = true;
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  });

  /** Every request handler starts here: after `shutdown`, the LSP specification asks for InvalidRequest. */
  function refuseAfterShutdown(): void {
    if (shutDown) throw new ResponseError(ErrorCodes.InvalidRequest, 'postlint has been shut down');
  }


  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    canPullConfiguration = capabilities.workspace?.configuration === true;
    canRegisterConfigurationChange = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    supportsWorkspaceFolders = capabilities.workspace?.workspaceFolders === true;
    clientLocale = localeOf(params.locale);
    const options = params.initializationOptions as ({ settings?: unknown } & InitializationOptions) | undefined;
    if (options?.settings !== undefined) settingsStore.reset(options.settings);
    trusted = options?.trusted !== false;
    if (options?.ruleDocsCommand === true) docLink = commandLink;
    folders.set(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
        hoverProvider: true,
      },
      serverInfo: { name: 'postlint' },
    };
  });

  connection.onInitialized(() => {
    if (canRegisterConfigurationChange) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'postlint' });
    }
    // Only clients that announced workspace folders may send folder changes.
    if (supportsWorkspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        folders.change(event.added, event.removed);
        refreshAll();
      });
    }
  });

  connection.onDidChangeConfiguration((change) => refreshAll(change.settings ?? undefined));
  connection.onNotification(WorkspaceTrustNotification, (params) => {
    trusted = params.trusted;
    refreshAll();
  });

  /** Settings, trust, folders or a word-list file changed: fetch settings again and re-lint every open post now. */
  function refreshAll(pushed?: unknown): void {
    settingsStore.reset(pushed);
    wordLists.clear();
    reportedProblems.clear();
    for (const document of documents.all()) schedule(document, 0);
  }


  // Fires on open too: a document seen for the first time is linted at once, later edits after the debounce.
  documents.onDidChangeContent(({ document }) => {
    if (!isPost(document)) return;
    if (linted.has(document.uri) || timers.has(document.uri)) void debounced(document);
    else schedule(document, 0);
  });
  documents.onDidSave(({ document }) => schedule(document, 0));
  documents.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    linted.delete(document.uri);
    settingsStore.forget(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  /**
   * Only posts are linted: an editor that attaches the server to all Markdown (or any file) must not
   * get social-media advice on its README.
   */
  function isPost(document: TextDocument): boolean {
    return hasText(document) && (document.languageId === 'postmd' || document.uri.toLowerCase().endsWith('.post.md'));
  }

  /** A client may send anything as the text (a number, null): that is no post, and must not reach the engine. */
  function hasText(document: TextDocument): boolean {
    return typeof document.getText() === 'string' && typeof document.uri === 'string';
  }

  async function debounced(document: TextDocument): Promise<void> {
    const config = resolveConfig(await settingsStore.get(document.uri));
    if (config.run === 'onSave') return;
    schedule(document, config.debounceMs);
  }

  /** A newer version replaces the pending run; only the newest version is ever published. */
  function schedule(document: TextDocument, delayMs: number): void {
    if (shutDown || !isPost(document)) return;
    clearTimeout(timers.get(document.uri));
    timers.set(
      document.uri,
      setTimeout(() => {
        timers.delete(document.uri);
        // One document's failure is logged, never the end of the server (an unhandled rejection would be).
        lintAndPublish(document.uri).catch((error: unknown) => connection.console.error(`Could not lint ${document.uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
      }, delayMs),
    );
  }

  async function lintAndPublish(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document || !isPost(document)) return;
    const version = document.version;
    const settings = await settingsStore.get(uri);
    const current = documents.get(uri);
    if (!current || current.version !== version) return;
    if (!resolveConfig(settings).enable) {
      linted.delete(uri);
      await connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    const output = lint(current.getText(), settings);
    linted.set(uri, { version, settings, output });
    reportConfigProblems(uri, output);
    for (const failure of output.ruleFailures) connection.console.error(`Rule ${failure.rule} failed on ${uri}: ${failure.error}`);
    await connection.sendDiagnostics({ uri, version, diagnostics: output.diagnostics.map((d, i) => toLspDiagnostic(d, i, version, docLink(d))) });
    const stats = statsOf(uri);
    if (stats) await connection.sendNotification(StatsNotification, stats);
  }

  function reportConfigProblems(uri: string, output: LintOutput): void {
    if (output.configProblems.length === 0) return;
    const scope = uri.slice(0, uri.lastIndexOf('/'));
    const key = JSON.stringify(output.configProblems);
    if (reportedProblems.get(scope) === key) return;
    reportedProblems.set(scope, key);
    for (const problem of output.configProblems) connection.console.warn(`Setting ${problem.key}: ${problem.message}`);
    void connection.sendNotification(ConfigProblemsNotification, { scope, problems: output.configProblems });
  }

  function statsOf(uri: string): PostStats | null {
    const entry = linted.get(uri);
    if (!entry) return null;
    const locale = resolveConfig(entry.settings).locale === 'zh-CN' ? 'zh' : 'en';
    const document = documents.get(uri);
    const platforms = entry.output.stats.platforms.map((p) => ({
      platform: p.platform,
      name: PLATFORMS[p.platform]?.name[locale] ?? p.platform,
      length: p.length,
      limit: p.limit,
      ...(p.fold !== undefined ? { fold: p.fold } : {}),
      ...(p.thread && document ? { thread: p.thread.map((part) => ({ line: document.positionAt(part.start).line, length: part.length })) } : {}),
    }));
    return { uri, version: entry.version, platforms, over: platforms.some((p) => p.length > p.limit) };
  }

  connection.onRequest(StatsRequest, ({ uri }) => {
    refuseAfterShutdown();
    return statsOf(uri);
  });

  /** The lint of a document's current version; lints now when the debounced run has not caught up yet. */
  async function currentLint(uri: string): Promise<CurrentLint | undefined> {
    const entry = linted.get(uri);
    const document = documents.get(uri);
    if (!document || !hasText(document)) return undefined;
    if (entry?.version === document.version) return { document, settings: entry.settings, output: entry.output, docLink };
    const settings = await settingsStore.get(uri);
    const latest = documents.get(uri);
    if (!latest || settings.enable === false) return undefined;
    return { document: latest, settings, output: lint(latest.getText(), settings), docLink };
  }

  connection.onCodeAction(async (params) => {
    refuseAfterShutdown();
    const current = await currentLint(params.textDocument.uri);
    return current ? codeActionsFor(params, current) : [];
  });
  connection.onRequest(PreviewRequest, async ({ uri }) => {
    refuseAfterShutdown();
    const current = await currentLint(uri);
    if (!current) return null;
    const title = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
    return previewPost(current.document.getText(), current.settings, { lint: current.output, title });
  });
  connection.onHover(async (params) => {
    refuseAfterShutdown();
    const current = await currentLint(params.textDocument.uri);
    return current ? hoverFor(params, current) : null;
  });

  documents.listen(connection);
  connection.listen();
}

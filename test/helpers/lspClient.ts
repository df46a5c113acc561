import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const SERVER_PATH = join(__dirname, '..', '..', 'dist', 'server.js');

export interface ServerOptions {
  /** What `workspace/configuration` answers, per scope URI (or for every scope when a plain object). */
  settings?: Record<string, unknown> | ((scopeUri: string | undefined) => unknown);
  locale?: string;
  workspaceFolders?: { uri: string; name: string }[];
  /** Sent as `initializationOptions` (e.g. `{ trusted: false }` for VS Code's Restricted Mode). */
  initializationOptions?: unknown;
  /** Node options before the server script, and its environment (the benchmark measures the server's CPU time with them). */
  nodeArgs?: string[];
  env?: NodeJS.ProcessEnv;
  /** A test build of the server instead of `dist/server.js` (e.g. one with a rule that throws). */
  serverPath?: string;
}

/**
 * Drives the real built server (`dist/server.js`) over stdio, the way an editor does.
 * Tests await published diagnostics per URI and version.
 */
export class TestLspClient {
  readonly connection: MessageConnection;
  readonly process: ChildProcessWithoutNullStreams;
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: { uri: string; predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  stderr = '';
  private versions = new Map<string, number>();

  constructor(private readonly options: ServerOptions = {}) {
    this.process = spawn(process.execPath, [...(options.nodeArgs ?? []), options.serverPath ?? SERVER_PATH, '--stdio'], { stdio: 'pipe', env: options.env ?? process.env });
    this.process.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const list = this.published.get(params.uri) ?? [];
      list.push(params);
      this.published.set(params.uri, list);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.predicate(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onNotification((method, params) => {
      this.notifications.push({ method, params });
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) =>
      params.items.map((item) => {
        const settings = this.options.settings;
        if (typeof settings === 'function') return settings(item.scopeUri) ?? {};
        return settings ?? {};
      }),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  async initialize(): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: this.options.workspaceFolders?.[0]?.uri ?? null,
      initializationOptions: this.options.initializationOptions,
      locale: this.options.locale ?? 'en',
      workspaceFolders: this.options.workspaceFolders ?? null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true, resolveSupport: { properties: ['edit'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, text: string, languageId = 'postmd'): void {
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text (a full-range incremental change). */
  replace(uri: string, text: string, previousText: string): number {
    const lines = previousText.split(/\r\n|\r|\n/);
    const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
    return this.change(uri, [{ range: { start: { line: 0, character: 0 }, end }, text }]);
  }

  change(uri: string, changes: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[]): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Resolves with the first publication for `uri` that satisfies `predicate` (already received or future). */
  diagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10000): Promise<PublishDiagnosticsParams> {
    const existing = (this.published.get(uri) ?? []).find(predicate);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ uri, predicate, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  /** Diagnostics published for exactly this version. */
  diagnosticsFor(uri: string, version: number): Promise<Diagnostic[]> {
    return this.diagnostics(uri, (p) => p.version === version).then((p) => p.diagnostics);
  }

  publications(uri: string): PublishDiagnosticsParams[] {
    return this.published.get(uri) ?? [];
  }

  /**
   * Ends the session the way an editor does and waits for the server to exit on its own, so that its exit
   * handlers run (`shutdown` kills it straight away). Resolves to its exit code.
   */
  async exit(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await exited;
    this.connection.dispose();
    return code;
  }

  async shutdown(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone.
    }
    this.connection.dispose();
    this.process.kill();
  }
}

export const postlintOnly = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.source === 'postlint');

// "postlint: Open Preview to the Side": a webview beside the draft showing it as each feed would.
//
// The model comes from the language server (`PreviewRequest`) rather than from an engine bundled into the
// extension: the engine stays in one process, the preview shows the very lint the squiggles come from
// (same settings, word lists and trust), and it refreshes on the server's `didLint` notification, so it
// follows typing with the linter's own debounce. The extension only draws (the shared renderer) and
// checks which images exist through `workspace.fs`, which also works in a browser build: no Node APIs here.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { renderCards, renderPreviewDocument } from '../../../server/src/engine/preview/html';
import type { PreviewMedia } from '../../../server/src/engine/preview/model';
import { PreviewRequest, type PreviewModel } from '../../../shared/protocol';
import { WEBVIEW_SCRIPT } from './webviewScript';

export const PREVIEW_VIEW_TYPE = 'postlint.preview';

/** What the webview reported after its last render: each card's data attributes and text. */
export interface PreviewSnapshot {
  uri: string;
  version: number;
  cards: { platform: string; parts: { part: string; text: string }[]; folds: number[]; media: string[]; rules: string[] }[];
  /** The webview's theme kind: `vscode-light`, `vscode-dark`, `vscode-high-contrast`, … */
  theme: string;
  /** Images drawn (loaded through the webview's resource URIs). */
  loadedImages: number;
}

type WebviewMessage = { type: 'ready' } | { type: 'reveal'; start: number; end: number } | ({ type: 'rendered' } & Omit<PreviewSnapshot, 'uri'>);

export class PreviewPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private ready = false;
  /** Counts renders, so a snapshot names the render it reports. */
  private renders = 0;
  private shown: { version: number; uri: string } | undefined;
  private latest: PreviewSnapshot | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly client: () => BaseLanguageClient | undefined) {
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor && isPost(editor.document) && editor.document !== this.document) this.show(editor.document);
      }),
    ];
  }

  /** The command: opens the preview beside the active post, or brings it forward on that post. */
  async open(uri?: vscode.Uri): Promise<void> {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document || !isPost(document)) return;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, title(document), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, enableFindWidget: true });
      this.ready = false;
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.document = undefined;
        this.latest = undefined;
      });
      this.panel.webview.onDidReceiveMessage((message: WebviewMessage) => this.receive(message));
    } else this.panel.reveal(vscode.ViewColumn.Beside, true);
    await this.show(document);
  }

  /** The server linted a post: redraw if it is the one shown. */
  linted(uri: string): void {
    if (this.panel && this.document?.uri.toString() === uri) void this.refresh();
  }

  /** What the webview last reported; the tests read it. */
  snapshot(): PreviewSnapshot | undefined {
    return this.latest;
  }

  private async show(document: vscode.TextDocument): Promise<void> {
    const panel = this.panel!;
    this.document = document;
    panel.title = title(document);
    const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri);
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(document.uri, '..'), ...folders] };
    const nonce = newNonce();
    const csp = `default-src 'none'; img-src ${panel.webview.cspSource} data:; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'`;
    this.ready = false;
    panel.webview.html = renderPreviewDocument([], { host: 'webview', csp, nonce, script: WEBVIEW_SCRIPT });
  }

  private async refresh(): Promise<void> {
    const panel = this.panel;
    const document = this.document;
    const client = this.client();
    if (!panel || !document || !client || !this.ready) return;
    const model = await client.sendRequest(PreviewRequest, { uri: document.uri.toString() });
    if (!model || this.panel !== panel || this.document !== document) return;
    const urls = await this.mediaUrls(model, document, panel.webview);
    const version = ++this.renders;
    this.shown = { version, uri: document.uri.toString() };
    void panel.webview.postMessage({ type: 'update', version, html: renderCards(model, { host: 'webview', mediaUrl: (media) => urls.get(media) }) });
  }

  /** The local images that exist, as webview URIs; the server reports every local file as missing. */
  private async mediaUrls(model: PreviewModel, document: vscode.TextDocument, webview: vscode.Webview): Promise<Map<PreviewMedia, string>> {
    const urls = new Map<PreviewMedia, string>();
    const checks: Promise<void>[] = [];
    const folder = vscode.Uri.joinPath(document.uri, '..');
    for (const card of model.cards) {
      for (const part of card.parts) {
        for (const media of part.media) {
          const file = media.kind === 'missing' ? localFile(media.src, folder) : undefined;
          if (!file) continue;
          checks.push(
            Promise.resolve(vscode.workspace.fs.stat(file)).then(
              (stat) => {
                if (stat.type & vscode.FileType.File) {
                  media.kind = 'image';
                  urls.set(media, webview.asWebviewUri(file).toString());
                }
              },
              () => undefined,
            ),
          );
        }
      }
    }
    await Promise.all(checks);
    return urls;
  }

  private receive(message: WebviewMessage): void {
    if (message.type === 'ready') {
      this.ready = true;
      void this.refresh();
    } else if (message.type === 'rendered') {
      if (this.shown?.version === message.version) this.latest = { uri: this.shown.uri, version: message.version, cards: message.cards, theme: message.theme, loadedImages: message.loadedImages };
    } else if (message.type === 'reveal') void this.reveal(message.start, message.end);
  }

  /** Selects a finding's text in the draft's editor, opening it beside the preview if it was closed. */
  private async reveal(start: number, end: number): Promise<void> {
    const document = this.document;
    if (!document) return;
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document === document);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
    const selection = new vscode.Selection(document.positionAt(start), document.positionAt(end));
    editor.selection = selection;
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

function isPost(document: vscode.TextDocument): boolean {
  return document.languageId === 'postmd';
}

function title(document: vscode.TextDocument): string {
  const name = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1);
  const setting = vscode.workspace.getConfiguration('postlint', document.uri).get<string>('locale');
  const locale = setting === 'en' || setting === 'zh-CN' ? setting : vscode.env.language;
  return locale.toLowerCase().startsWith('zh') ? `预览 ${name}` : `Preview ${name}`;
}

/** A local media path as the draft writes it, resolved against the draft's folder; undefined for URLs. */
function localFile(src: string, folder: vscode.Uri): vscode.Uri | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) return undefined;
  let path = src.replace(/[?#].*$/, '');
  try {
    path = decodeURI(path);
  } catch {
    // Not percent-encoded after all: the path as written.
  }
  if (path === '') return undefined;
  return path.startsWith('/') ? folder.with({ path }) : vscode.Uri.joinPath(folder, path);
}

/** 128 random bits, from the Web Crypto API that both Node and browsers have. */
function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

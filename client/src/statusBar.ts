import * as vscode from 'vscode';
import type { PlatformCount, PostStats } from '../../shared/protocol';
import { localize } from './locale';

/**
 * The live `X 231/280` count for the active post, in the warning colour when over the limit. In a thread
 * it counts the post under the cursor (`X 2/3 · 231/280`), and the tooltip lists every post of the thread.
 */
export class CountStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('postlint.count', vscode.StatusBarAlignment.Right, 100);
  private readonly latest = new Map<string, PostStats>();
  /**
   * What the item shows now. `refresh` runs on every cursor move, and each property set on a status bar item
   * is sent to the window again; a move within the same post of a thread changes nothing.
   */
  private shown: { text: string; tooltip: string; over: boolean } | undefined;

  constructor() {
    this.item.name = 'postlint count';
    this.item.command = 'postlint.showOutput';
  }

  update(stats: PostStats): void {
    this.latest.set(stats.uri, stats);
    this.refresh();
  }

  forget(uri: string): void {
    this.latest.delete(uri);
    this.refresh();
  }

  refresh(): void {
    const editor = vscode.window.activeTextEditor;
    const stats = editor && editor.document.languageId === 'postmd' ? this.latest.get(editor.document.uri.toString()) : undefined;
    if (!editor || !stats || stats.platforms.length === 0) {
      if (this.shown) this.item.hide();
      this.shown = undefined;
      return;
    }
    const line = editor.selection.active.line;
    const text = stats.platforms.map((p) => shortCount(p, line)).join(' · ');
    const tooltip = stats.platforms.map((p) => longCount(p, line)).join('\n\n');
    const was = this.shown;
    if (was && was.text === text && was.tooltip === tooltip && was.over === stats.over) return;
    if (was?.text !== text) this.item.text = text;
    if (was?.tooltip !== tooltip) this.item.tooltip = tooltip;
    if (was?.over !== stats.over) this.item.backgroundColor = stats.over ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    if (!was) this.item.show();
    this.shown = { text, tooltip, over: stats.over };
  }

  /** The text shown, for tests. */
  get text(): string | undefined {
    return this.item.text;
  }

  /** The tooltip shown, for tests. */
  get tooltip(): string | undefined {
    return typeof this.item.tooltip === 'string' ? this.item.tooltip : this.item.tooltip?.value;
  }

  dispose(): void {
    this.item.dispose();
  }
}

/** The post of the thread that holds `line`: the last one starting at or before it (the first above them all). */
function partAt(thread: NonNullable<PlatformCount['thread']>, line: number): number {
  let index = 0;
  for (let i = 0; i < thread.length; i++) if (thread[i].line <= line) index = i;
  return index;
}

function shortCount(p: PlatformCount, line: number): string {
  if (!p.thread || p.thread.length < 2) return `${p.name} ${p.length}/${p.limit}`;
  const k = partAt(p.thread, line);
  return `${p.name} ${k + 1}/${p.thread.length} · ${p.thread[k].length}/${p.limit}`;
}

function longCount(p: PlatformCount, line: number): string {
  const fold = p.fold !== undefined ? localize({ en: ` (fold ${p.fold})`, zh: `（折叠 ${p.fold}）` }) : '';
  if (!p.thread || p.thread.length < 2) return `${p.name}${localize({ en: ': ', zh: '：' })}${p.length}/${p.limit}${fold}`;
  const k = partAt(p.thread, line);
  const heading = localize({ en: `${p.name}: a thread of ${p.thread.length} posts`, zh: `${p.name}：串推，共 ${p.thread.length} 条` });
  const here = localize({ en: ' ← cursor', zh: ' ← 光标所在' });
  const parts = p.thread.map((part, i) => `${i + 1}/${p.thread!.length}${localize({ en: ': ', zh: '：' })}${part.length}/${p.limit}${part.length > p.limit ? ' ⚠' : ''}${i === k ? here : ''}`);
  return [heading, ...parts].join('\n');
}

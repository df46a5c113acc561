import * as vscode from 'vscode';
import type { PostStats } from '../../shared/protocol';

/** The live `X 231/280` count for the active post, in the warning colour when over the limit. */
export class CountStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('postlint.count', vscode.StatusBarAlignment.Right, 100);
  private readonly latest = new Map<string, PostStats>();

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
    if (!stats || stats.platforms.length === 0) {
      this.item.hide();
      return;
    }
    this.item.text = stats.platforms.map((p) => `${p.name} ${p.length}/${p.limit}`).join(' · ');
    this.item.tooltip = stats.platforms
      .map((p) => `${p.name}: ${p.length}/${p.limit}${p.fold !== undefined ? ` (fold ${p.fold})` : ''}`)
      .join('\n');
    this.item.backgroundColor = stats.over ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  /** The text shown, for tests. */
  get text(): string | undefined {
    return this.item.text;
  }

  dispose(): void {
    this.item.dispose();
  }
}

// The extension's own words (notifications, buttons, the status bar's tooltip) in the message language.
import * as vscode from 'vscode';
import type { Localized } from '../../server/src/engine';

export type { Localized };

/** `postlint.locale` when set, else VS Code's display language. */
export function isChinese(): boolean {
  const setting = vscode.workspace.getConfiguration('postlint').get<string>('locale');
  const locale = setting === 'en' || setting === 'zh-CN' ? setting : vscode.env.language;
  return locale.toLowerCase().startsWith('zh');
}

export function localize(message: Localized): string {
  return isChinese() ? message.zh : message.en;
}

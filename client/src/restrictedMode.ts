import * as vscode from 'vscode';
import { parse } from 'jsonc-parser';
import { isChinese } from './locale';

/** Settings a stranger's repository must not set: they run its regexes and read its files. */
const RESTRICTED_KEYS = ['patterns', 'wordLists'] as const;

/**
 * In Restricted Mode VS Code hides a workspace's restricted settings from the extension altogether,
 * so the server never sees them to say they are ignored. Reading the folder's settings file (never
 * acting on it) lets postlint tell the user why the team's patterns and word lists are silent.
 */
export async function reportIgnoredWorkspaceSettings(output: vscode.LogOutputChannel): Promise<void> {
  if (vscode.workspace.isTrusted) return;
  const ignored: string[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const file = vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json');
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    } catch {
      continue;
    }
    const settings: unknown = parse(text, [], { allowTrailingComma: true });
    if (typeof settings !== 'object' || settings === null) continue;
    const nested = (settings as Record<string, unknown>).postlint as Record<string, unknown> | undefined;
    for (const key of RESTRICTED_KEYS) {
      if (`postlint.${key}` in settings || (nested && key in nested)) ignored.push(`postlint.${key} (${vscode.workspace.asRelativePath(file)})`);
    }
  }
  if (ignored.length === 0) return;
  const chinese = isChinese();
  for (const entry of ignored) {
    output.warn(
      chinese
        ? `设置 ${entry}：受限模式下忽略工作区自带的这项设置，信任此工作区后才会生效；内置规则照常运行。`
        : `Setting ${entry}: the workspace's own value is ignored in Restricted Mode until you trust this workspace; built-in rules still run.`,
    );
  }
  const message = chinese
    ? `postlint：此工作区处于受限模式，忽略了它的 ${ignored.join('、')}。信任工作区后生效。`
    : `postlint: this workspace is in Restricted Mode, so its ${ignored.join(' and ')} are ignored until you trust it.`;
  void vscode.window.showInformationMessage(message);
}

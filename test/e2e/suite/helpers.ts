// What the end-to-end suites share: reaching the extension, opening posts, and waiting for what
// the user would see (diagnostics, status bar) instead of sleeping.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PostlintApi } from '../../../client/src/extension';

export const EXTENSION_ID = 'postlint.postlint';
const WAIT_MS = 15_000;

export async function postlintApi(): Promise<PostlintApi> {
  const extension = vscode.extensions.getExtension<PostlintApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this editor`);
  return extension.isActive ? extension.exports : extension.activate();
}

/** A file of the (first, unless named) workspace folder. */
export function workspaceUri(relativePath: string, folderName?: string): vscode.Uri {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder = folderName ? folders.find((f) => f.name === folderName) : folders[0];
  assert.ok(folder, `no workspace folder ${folderName ?? ''} (have: ${folders.map((f) => f.name).join(', ')})`);
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

/**
 * Opens a post the way a user does. `workspace.openTextDocument` would keep the document open for
 * minutes after its editor closes (the extension host holds a reference), hiding the close.
 */
export async function openPost(relativePath: string, folderName?: string): Promise<vscode.TextEditor> {
  const uri = workspaceUri(relativePath, folderName);
  await vscode.commands.executeCommand('vscode.open', uri);
  const editor = await waitFor(() => vscode.window.activeTextEditor, (e) => e?.document.uri.toString() === uri.toString(), `an editor on ${relativePath}`);
  assert.equal(editor!.document.languageId, 'postmd', `${relativePath} should open as a Social Post`);
  return editor!;
}

/** Closes the active editor without saving and without the "save changes?" dialog. */
export async function closeWithoutSaving(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

/** Only postlint's findings: the built-in Markdown support reports on the same files. */
export function postlintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'postlint');
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' ? code.value : code);
}

export function rangeText(range: vscode.Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** `code@line:char-line:char`, sorted: compares codes and ranges in one readable assertion. */
export function findingsOf(uri: vscode.Uri): string[] {
  return postlintDiagnostics(uri).map((d) => `${codeOf(d)}@${rangeText(d.range)}`).sort();
}

/** The range of the first occurrence of `needle`, as the server should report it (UTF-16). */
export function rangeOf(document: vscode.TextDocument, needle: string, fromOffset = 0): vscode.Range {
  const start = document.getText().indexOf(needle, fromOffset);
  assert.ok(start >= 0, `"${needle}" not in ${document.uri.path}`);
  return new vscode.Range(document.positionAt(start), document.positionAt(start + needle.length));
}

export function finding(code: string, range: vscode.Range): string {
  return `${code}@${rangeText(range)}`;
}

/** Polls `read` until `accept` holds, failing with the last value seen. */
export async function waitFor<T>(read: () => T, accept: (value: T) => boolean, what: string, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = read();
  while (!accept(value)) {
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = read();
  }
  return value;
}

/** Waits until the document's postlint findings are exactly `expected` (see `findingsOf`). */
export function waitForFindings(uri: vscode.Uri, expected: string[], what = 'postlint findings'): Promise<string[]> {
  const sorted = [...expected].sort();
  return waitFor(() => findingsOf(uri), (actual) => JSON.stringify(actual) === JSON.stringify(sorted), `${what} ${JSON.stringify(sorted)}`);
}

export async function waitForStatusBar(api: PostlintApi, expected: string): Promise<void> {
  await waitFor(() => api.statusBarText(), (text) => text === expected, `status bar "${expected}"`);
}

/** Types at `position` through the editor's own `type` command, as a user would. */
export async function typeAt(editor: vscode.TextEditor, position: vscode.Position, text: string): Promise<void> {
  editor.selection = new vscode.Selection(position, position);
  await vscode.commands.executeCommand('type', { text });
}

/** Sets a `postlint.*` setting for the test and gives back how to undo it. */
export async function setSetting(
  key: string,
  value: unknown,
  target: vscode.ConfigurationTarget = vscode.ConfigurationTarget.Workspace,
  scope?: vscode.Uri,
): Promise<() => Promise<void>> {
  const config = vscode.workspace.getConfiguration('postlint', scope);
  const inspected = config.inspect(key);
  const previous = {
    [vscode.ConfigurationTarget.Global]: inspected?.globalValue,
    [vscode.ConfigurationTarget.Workspace]: inspected?.workspaceValue,
    [vscode.ConfigurationTarget.WorkspaceFolder]: inspected?.workspaceFolderValue,
  }[target];
  await config.update(key, value, target);
  return async () => config.update(key, previous, target);
}

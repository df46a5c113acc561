// Commands the server's code actions invoke: they touch the editor or the settings, which the server cannot.
import * as vscode from 'vscode';
import { Commands } from '../../shared/protocol';
import { localize as text } from './locale';

/** A rule's doc page, as the server's "About <rule>" action passes it. */
interface RuleDocArgs {
  rule: string;
  url: string;
}

interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** Rule ids are `family` or `family/check`; anything else never becomes a path. */
const RULE_ID = /^[a-z][a-z-]*(?:\/[a-z][a-z-]*)?$/;

export function registerCommands(context: vscode.ExtensionContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(Commands.selectRange, selectRange),
    vscode.commands.registerCommand(Commands.allowPhrase, allowPhrase),
    vscode.commands.registerCommand(Commands.openRuleDoc, (args: RuleDocArgs) => openRuleDoc(context, args)),
  ];
}

/** Selects a range (the text that doesn't fit) in the post's editor and scrolls to it. */
async function selectRange(uri: string, range: LspRange): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const editor = await vscode.window.showTextDocument(document, { preserveFocus: false });
  const selection = new vscode.Selection(range.start.line, range.start.character, range.end.line, range.end.character);
  editor.selection = selection;
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/**
 * Adds a phrase to `postlint.words.allow` where the team shares it: the post's folder settings in a
 * multi-root workspace, the workspace settings otherwise, the user settings when no folder is open.
 * Only the list already stored at that level is extended, so user-level phrases are not copied into the repository.
 */
async function allowPhrase(phrase: string, uri: string): Promise<void> {
  const resource = vscode.Uri.parse(uri);
  const config = vscode.workspace.getConfiguration('postlint', resource);
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder = vscode.workspace.getWorkspaceFolder(resource);
  const target = folder && folders.length > 1 ? vscode.ConfigurationTarget.WorkspaceFolder : folders.length > 0 ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const inspected = config.inspect<string[]>('words.allow');
  const stored =
    target === vscode.ConfigurationTarget.WorkspaceFolder ? inspected?.workspaceFolderValue : target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue;
  const current = Array.isArray(stored) ? stored : [];
  if (current.some((p) => p.toLowerCase() === phrase.toLowerCase())) {
    void vscode.window.showInformationMessage(text({ en: `'${phrase}' is already allowed.`, zh: `“${phrase}”已经在允许列表里了。` }));
    return;
  }
  await config.update('words.allow', [...current, phrase], target);
  const where =
    target === vscode.ConfigurationTarget.Global
      ? { en: 'your user settings (no folder is open)', zh: '用户设置（当前没有打开文件夹）' }
      : { en: 'the workspace settings', zh: '工作区设置' };
  void vscode.window.showInformationMessage(text({ en: `postlint: allowed '${phrase}' in ${where.en}.`, zh: `postlint：已在${where.zh}中允许“${phrase}”。` }));
}

/** Opens the rule's page shipped inside the extension as a Markdown preview, else its URL. */
async function openRuleDoc(context: vscode.ExtensionContext, args: RuleDocArgs): Promise<void> {
  if (RULE_ID.test(args.rule)) {
    const local = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${args.rule}.md`);
    try {
      await vscode.workspace.fs.stat(local);
      await vscode.commands.executeCommand('markdown.showPreview', local);
      return;
    } catch {
      // Not shipped with this build: fall back to the web page.
    }
  }
  if (/^https:\/\//.test(args.url)) await vscode.env.openExternal(vscode.Uri.parse(args.url));
}

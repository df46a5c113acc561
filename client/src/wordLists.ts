// Reads word-list files for the browser language server, which has no disk of its own. Goes through
// `vscode.workspace.fs`, so it reads wherever the workspace lives: github.dev's repository, a
// remote, a virtual folder.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ReadWordListRequest, type ReadWordListParams, type ReadWordListResult } from '../../shared/protocol';

export function registerWordListReader(client: BaseLanguageClient): void {
  client.onRequest(ReadWordListRequest, readWordList);
}

/**
 * Symbolic links are refused, not followed: without realpath there is no telling whether one points
 * out of the workspace, and the server promises that a settings file cannot make it read elsewhere.
 */
export async function readWordList({ uri, maxBytes }: ReadWordListParams): Promise<ReadWordListResult> {
  const file = vscode.Uri.parse(uri);
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(file);
  } catch (error) {
    return notFound(error) ? { problem: 'missing' } : { problem: 'unreadable', reason: reasonOf(error) };
  }
  if (stat.type & vscode.FileType.SymbolicLink) return { problem: 'symlink' };
  if (!(stat.type & vscode.FileType.File)) return { problem: 'not-file' };
  if (stat.size > maxBytes) return { problem: 'too-big', size: stat.size };
  try {
    return { text: new TextDecoder().decode(await vscode.workspace.fs.readFile(file)) };
  } catch (error) {
    return notFound(error) ? { problem: 'missing' } : { problem: 'unreadable', reason: reasonOf(error) };
  }
}

function notFound(error: unknown): boolean {
  return error instanceof vscode.FileSystemError ? error.code === 'FileNotFound' || error.code === 'EntryNotFound' : /ENOENT|EntryNotFound|FileNotFound/.test(String(error));
}

function reasonOf(error: unknown): string {
  return error instanceof vscode.FileSystemError ? error.code : error instanceof Error ? error.message : String(error);
}

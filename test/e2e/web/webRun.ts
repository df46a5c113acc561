// The web pass's settings (see WEB_RUN_FILE), read once by the web index before the suites run.
import * as vscode from 'vscode';
import { WEB_RUN_FILE, type WebRun } from '../scenarios';

let current: WebRun | undefined;

export async function loadWebRun(folder: vscode.Uri): Promise<WebRun> {
  const file = vscode.Uri.joinPath(folder, WEB_RUN_FILE);
  current = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as WebRun;
  return current;
}

export function webRun(): WebRun {
  if (!current) throw new Error(`the web index has not read ${WEB_RUN_FILE}`);
  return current;
}

// The browser server's word lists: it has no disk, so the editor reads each file for it
// (`postlint/readWordList`) and watches it (`workspace/didChangeWatchedFiles`, registered per file).
import { DidChangeWatchedFilesNotification, type Connection, type Disposable } from 'vscode-languageserver';
import { ReadWordListRequest, type ReadWordListResult } from '../../../shared/protocol';
import { wordListPaths, type WordListData } from '../engine';
import { MAX_WORD_LIST_BYTES, parseWordList, WORD_LIST_PROBLEMS, wordListFormat } from '../host/wordListContent';
import type { WordListSource } from './wordListSource';

export function clientWordLists(connection: Connection, onChange: () => void): WordListSource {
  const watching = new Map<string, Promise<Disposable | undefined>>();
  connection.onDidChangeWatchedFiles(() => onChange());

  /** Asks the editor to report changes to `pattern` under the folder; the server learns of them above. */
  function watch(folder: string, pattern: string): void {
    const key = `${folder}\n${pattern}`;
    if (watching.has(key)) return;
    const registration = connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: { baseUri: folder, pattern } }] })
      .catch((error: unknown) => {
        connection.console.warn(`Cannot watch ${pattern} for word-list changes: ${String(error)}`);
        return undefined;
      });
    watching.set(key, registration);
  }

  async function readOne(path: string, folderUri: string): Promise<WordListData> {
    const located = fileInFolder(folderUri, path);
    if (!located) return { path, problem: WORD_LIST_PROBLEMS.outside };
    const format = wordListFormat(located.relativePath);
    if (!format) return { path, problem: WORD_LIST_PROBLEMS.format };
    watch(located.folder, located.relativePath);
    let result: ReadWordListResult;
    try {
      result = await connection.sendRequest(ReadWordListRequest, { uri: located.uri, maxBytes: MAX_WORD_LIST_BYTES });
    } catch (error) {
      return { path, problem: WORD_LIST_PROBLEMS.unreadable(error instanceof Error ? error.message : String(error)) };
    }
    if ('text' in result) return parseWordList(path, format, result.text);
    switch (result.problem) {
      case 'missing':
        return { path, problem: WORD_LIST_PROBLEMS.missing };
      case 'not-file':
        return { path, problem: WORD_LIST_PROBLEMS.notFile };
      case 'symlink':
        return { path, problem: WORD_LIST_PROBLEMS.symlink };
      case 'too-big':
        return { path, problem: WORD_LIST_PROBLEMS.tooBig(result.size) };
      case 'unreadable':
        return { path, problem: WORD_LIST_PROBLEMS.unreadable(result.reason) };
    }
  }

  return {
    read(settings, folderUri) {
      return Promise.all(wordListPaths(settings).map((path) => (folderUri === undefined ? { path, problem: WORD_LIST_PROBLEMS.noFolder } : readOne(path, folderUri))));
    },
    clear() {
      for (const registration of watching.values()) void registration.then((r) => r?.dispose());
      watching.clear();
    },
  };
}

interface FileInFolder {
  /** The file, as the editor is asked for it. */
  uri: string;
  /** The folder without a trailing slash (but for the root's own), as the editor's watcher wants it. */
  folder: string;
  /** The file's path under the folder, decoded, `/`-separated. */
  relativePath: string;
}

/**
 * The file a setting names, or undefined when the path leaves the folder (`../`, or absolute
 * elsewhere). Backslashes separate folders too: the settings may have been written on Windows.
 * The platform's URL resolves it (a dependency less in the web worker); each segment is encoded first,
 * so a `?`, `#` or `%` in a file name stays part of the path.
 */
export function fileInFolder(folderUri: string, path: string): FileInFolder | undefined {
  let base: URL;
  let file: URL;
  try {
    base = new URL(folderUri.endsWith('/') ? folderUri : `${folderUri}/`);
    const encoded = path.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
    // An absolute path is read from the folder's root: never `//host/…`, which would name another authority.
    file = new URL(encoded.startsWith('/') ? `/${encoded.replace(/^\/+/, '')}` : encoded, base);
  } catch {
    return undefined;
  }
  // Inside the folder's own URL, query and fragment included (the path's `?` and `#` were encoded above).
  if (!file.href.startsWith(base.href) || file.href.length === base.href.length) return undefined;
  // The folder as its watcher wants it: without a trailing slash, but a root keeps the one it was given
  // (`vscode-test-web://mount/`, whose watcher sees no change under `vscode-test-web://mount`).
  const folder = base.pathname === '/' && folderUri.endsWith('/') ? base.href : base.href.slice(0, -1);
  return { uri: file.href, folder, relativePath: decodeURIComponent(file.href.slice(base.href.length)) };
}

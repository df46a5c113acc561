// The browser server's word lists: it has no disk, so the editor reads each file for it
// (`postlint/readWordList`) and watches it (`workspace/didChangeWatchedFiles`, registered per file).
import { DidChangeWatchedFilesNotification, type Connection, type Disposable } from 'vscode-languageserver';
import { URI, Utils } from 'vscode-uri';
import { ReadWordListRequest, type ReadWordListResult } from '../../../shared/protocol';
import { wordListPaths, type WordListData } from '../engine';
import { MAX_WORD_LIST_BYTES, parseWordList, WORD_LIST_PROBLEMS, wordListFormat } from '../host/wordListContent';
import type { WordListSource } from './wordListSource';

export function clientWordLists(connection: Connection, onChange: () => void): WordListSource {
  const watching = new Map<string, Promise<Disposable | undefined>>();
  connection.onDidChangeWatchedFiles(() => onChange());

  /** Asks the editor to report changes to `pattern` under the folder; the server learns of them above. */
  function watch(folder: URI, pattern: string): void {
    const key = `${folder.toString()}\n${pattern}`;
    if (watching.has(key)) return;
    const registration = connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: { baseUri: folder.toString(), pattern } }] })
      .catch((error: unknown) => {
        connection.console.warn(`Cannot watch ${pattern} for word-list changes: ${String(error)}`);
        return undefined;
      });
    watching.set(key, registration);
  }

  async function readOne(path: string, folderUri: string): Promise<WordListData> {
    const folder = withoutTrailingSlash(URI.parse(folderUri));
    const file = fileInFolder(folder, path);
    if (!file) return { path, problem: WORD_LIST_PROBLEMS.outside };
    const format = wordListFormat(file.path);
    if (!format) return { path, problem: WORD_LIST_PROBLEMS.format };
    watch(folder, file.path.slice(withSlash(folder.path).length));
    let result: ReadWordListResult;
    try {
      result = await connection.sendRequest(ReadWordListRequest, { uri: file.toString(), maxBytes: MAX_WORD_LIST_BYTES });
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

/**
 * The file a setting names, or undefined when the path leaves the folder (`../`, or absolute
 * elsewhere). Backslashes separate folders too: the settings may have been written on Windows.
 */
export function fileInFolder(folder: URI, path: string): URI | undefined {
  const slashed = path.replace(/\\/g, '/');
  const file = slashed.startsWith('/') ? Utils.resolvePath(folder.with({ path: '/' }), slashed) : Utils.joinPath(folder, slashed);
  const root = withSlash(folder.path);
  return file.path.startsWith(root) && file.path.length > root.length ? file : undefined;
}

/** Folders are kept with a trailing slash for prefix tests; the editor's watcher wants the folder itself. */
function withoutTrailingSlash(folder: URI): URI {
  return folder.path.length > 1 && folder.path.endsWith('/') ? folder.with({ path: folder.path.slice(0, -1) }) : folder;
}

function withSlash(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

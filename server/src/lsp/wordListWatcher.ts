// The Node server's word lists: read from the disk, watched with `fs.watch`.
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { readWordLists } from '../host/wordLists';
import { clientWordLists } from './clientWordLists';
import type { WordListSource } from './wordListSource';

/** Editors save by writing a temporary file and renaming it; one save can fire several events. */
const SETTLE_MS = 100;

/**
 * Watches word-list files so that editing one re-lints open posts without a reload. It watches each
 * file's folder rather than the file: a save that replaces the file, or a file created after the
 * setting named it, still fires.
 */
export class WordListWatcher {
  private readonly byFolder = new Map<string, { watcher: FSWatcher; names: Set<string> }>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly onChange: () => void,
    private readonly log: (message: string) => void,
  ) {}

  add(files: readonly string[]): void {
    for (const file of files) {
      const folder = dirname(file);
      const existing = this.byFolder.get(folder);
      if (existing) {
        existing.names.add(basename(file));
        continue;
      }
      if (!existsSync(folder)) continue;
      const names = new Set([basename(file)]);
      try {
        const watcher = watch(folder, { persistent: false }, (_event, name) => {
          if (name === null || names.has(name.toString())) this.changed();
        });
        watcher.on('error', (error) => this.log(`Stopped watching ${folder} for word-list changes: ${String(error)}`));
        this.byFolder.set(folder, { watcher, names });
      } catch (error) {
        this.log(`Cannot watch ${folder} for word-list changes: ${String(error)}`);
      }
    }
  }

  /** Stops watching everything; settings about to be fetched again will name the files anew. */
  clear(): void {
    for (const { watcher } of this.byFolder.values()) watcher.close();
    this.byFolder.clear();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.clear();
  }

  private changed(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.onChange(), SETTLE_MS);
  }
}

/**
 * Word lists for the Node server: from the disk for folders on it (`file:`), through the editor for
 * any other folder (a virtual workspace, such as a GitHub repository opened without a clone).
 */
export function nodeWordLists(connection: Connection, onChange: () => void): WordListSource {
  const watcher = new WordListWatcher(onChange, (message) => connection.console.warn(message));
  const throughEditor = clientWordLists(connection, onChange);
  return {
    async read(settings, folderUri) {
      const root = folderUri === undefined ? undefined : filePath(folderUri);
      if (folderUri !== undefined && root === undefined) return throughEditor.read(settings, folderUri);
      const { data, files } = readWordLists(settings, root);
      watcher.add(files);
      return data;
    },
    clear() {
      watcher.clear();
      throughEditor.clear();
    },
  };
}

function filePath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

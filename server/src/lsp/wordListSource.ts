import type { PostlintSettings, WordListData } from '../engine';

/**
 * Where the language server gets word-list files: the disk for the Node server (`nodeWordLists`),
 * the editor for the browser server (`clientWordLists`), which has no disk.
 */
export interface WordListSource {
  /**
   * Reads each list `settings.wordLists` names, relative to the workspace folder `folderUri`, and
   * watches it so that editing it re-lints the open posts.
   */
  read(settings: PostlintSettings, folderUri: string | undefined): Promise<WordListData[]>;
  /** Stops watching everything; settings about to be fetched again will name the files anew. */
  clear(): void;
}

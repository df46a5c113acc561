import type { Connection, WorkspaceFolder } from 'vscode-languageserver';
import type { PostlintSettings } from '../engine/config';
import type { Locale } from '../engine/types';
import type { WordListSource } from './wordListSource';

/** What the store needs from the server around it. */
export interface SettingsHost {
  canPull(): boolean;
  clientLocale(): Locale;
  /** False in an untrusted workspace (VS Code's Restricted Mode): patterns and word lists are then ignored. */
  trusted(): boolean;
  /** The URI of the workspace folder holding `uri`, if any. */
  folderOf(uri: string): string | undefined;
  /** Reads (and watches) the word lists a scope's settings name. */
  wordLists: WordListSource;
}

/**
 * Fetches `postlint.*` for each document's scope (multi-root aware) and keeps one settings
 * object per scope until the settings change, so the engine compiles them once.
 */
export class SettingsStore {
  private readonly byScope = new Map<string, Promise<PostlintSettings>>();
  /** Settings pushed with didChangeConfiguration, for clients without workspace/configuration. */
  private pushed: unknown;

  constructor(
    private readonly connection: Connection,
    private readonly host: SettingsHost,
  ) {}

  get(uri: string): Promise<PostlintSettings> {
    let settings = this.byScope.get(uri);
    if (!settings) {
      settings = this.fetch(uri);
      this.byScope.set(uri, settings);
    }
    return settings;
  }

  /** Forgets everything: called when settings, workspace trust or a word-list file change. */
  reset(pushed?: unknown): void {
    this.byScope.clear();
    if (pushed !== undefined) this.pushed = pushed;
  }

  forget(uri: string): void {
    this.byScope.delete(uri);
  }

  private async fetch(uri: string): Promise<PostlintSettings> {
    let raw: unknown = undefined;
    if (this.host.canPull()) {
      try {
        raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'postlint' });
      } catch (error) {
        this.connection.console.warn(`Could not read postlint settings for ${uri}: ${String(error)}`);
      }
    } else {
      raw = (this.pushed as { postlint?: unknown } | undefined)?.postlint ?? this.pushed;
    }
    const settings: PostlintSettings = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? { ...(raw as PostlintSettings) } : {};
    if (settings.locale === undefined || settings.locale === 'auto') settings.locale = this.host.clientLocale();
    // The host fields are always the server's own, whatever a settings file claims.
    settings.restricted = !this.host.trusted();
    delete settings.wordListData;
    if (!settings.restricted) {
      const data = await this.host.wordLists.read(settings, this.host.folderOf(uri));
      if (data.length > 0) settings.wordListData = data;
    }
    return settings;
  }
}

/**
 * The open workspace folders, to resolve word-list paths against the folder a post belongs to. They
 * stay URIs: in the browser they are `vscode-vfs:`, `vscode-remote:` and the like, never `file:`.
 */
export class WorkspaceFolders {
  private folders: { uri: string }[] = [];

  set(folders: readonly WorkspaceFolder[] | null | undefined): void {
    this.folders = [];
    this.change(folders ?? [], []);
  }

  change(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    const gone = new Set(removed.map((f) => withSlash(f.uri)));
    this.folders = this.folders.filter((f) => !gone.has(f.uri));
    for (const folder of added) this.folders.push({ uri: withSlash(folder.uri) });
    // The innermost folder wins when folders nest.
    this.folders.sort((a, b) => b.uri.length - a.uri.length);
  }

  folderOf(uri: string): string | undefined {
    return this.folders.find((f) => uri.startsWith(f.uri))?.uri;
  }
}

function withSlash(uri: string): string {
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/** VS Code's display language (`initialize` locale) to a message locale. */
export function localeOf(clientLocale: string | undefined): Locale {
  return clientLocale?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

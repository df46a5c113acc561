import type { Connection, WorkspaceFolder } from 'vscode-languageserver';
import type { Locale, PostlintSettings } from '../engine';
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
 * Fetches `postlint.*` for each document's scope (multi-root aware) and keeps one settings object
 * per workspace folder and scope until the settings change: documents whose settings read the same
 * share that object, so the engine compiles them once for all of them (a compiled settings object
 * costs about 0.6 MB; 2,000 open posts each with its own took 1.45 GB).
 */
export class SettingsStore {
  private readonly byUri = new Map<string, Promise<PostlintSettings>>();
  /** The settings object for each folder and settings text, shared by the documents that read it. */
  private readonly shared = new Map<string, PostlintSettings>();
  /** Settings pushed with didChangeConfiguration, for clients without workspace/configuration. */
  private pushed: unknown;

  constructor(
    private readonly connection: Connection,
    private readonly host: SettingsHost,
  ) {}

  get(uri: string): Promise<PostlintSettings> {
    let settings = this.byUri.get(uri);
    if (!settings) {
      settings = this.fetch(uri);
      this.byUri.set(uri, settings);
    }
    return settings;
  }

  /** Forgets everything: called when settings, workspace trust or a word-list file change. */
  reset(pushed?: unknown): void {
    this.byUri.clear();
    this.shared.clear();
    if (pushed !== undefined) this.pushed = pushed;
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
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
    const folder = this.host.folderOf(uri);
    const key = sharingKey(folder, raw);
    const known = key === undefined ? undefined : this.shared.get(key);
    if (known) return known;
    const settings: PostlintSettings = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? { ...(raw as PostlintSettings) } : {};
    if (settings.locale === undefined || settings.locale === 'auto') settings.locale = this.host.clientLocale();
    // The host fields are always the server's own, whatever a settings file claims.
    settings.restricted = !this.host.trusted();
    delete settings.wordListData;
    if (!settings.restricted) {
      const data = await this.host.wordLists.read(settings, folder);
      if (data.length > 0) settings.wordListData = data;
    }
    if (key !== undefined) this.shared.set(key, settings);
    return settings;
  }
}

/**
 * Documents in one folder whose settings read the same share one settings object. Undefined (not
 * shared) for a value JSON cannot print, such as one nested too deep: the engine names that key.
 */
function sharingKey(folder: string | undefined, raw: unknown): string | undefined {
  try {
    return `${folder ?? ''}\u0000${JSON.stringify(raw) ?? ''}`;
  } catch {
    return undefined;
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

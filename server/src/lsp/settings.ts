import type { Connection } from 'vscode-languageserver/node';
import type { PostlintSettings } from '../engine/config';
import type { Locale } from '../engine/types';

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
    private readonly canPull: () => boolean,
    private readonly clientLocale: () => Locale,
  ) {}

  get(uri: string): Promise<PostlintSettings> {
    let settings = this.byScope.get(uri);
    if (!settings) {
      settings = this.fetch(uri);
      this.byScope.set(uri, settings);
    }
    return settings;
  }

  /** Forgets everything: called when settings change. */
  reset(pushed?: unknown): void {
    this.byScope.clear();
    if (pushed !== undefined) this.pushed = pushed;
  }

  forget(uri: string): void {
    this.byScope.delete(uri);
  }

  private async fetch(uri: string): Promise<PostlintSettings> {
    let raw: unknown = undefined;
    if (this.canPull()) {
      try {
        raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'postlint' });
      } catch (error) {
        this.connection.console.warn(`Could not read postlint settings for ${uri}: ${String(error)}`);
      }
    } else {
      raw = (this.pushed as { postlint?: unknown } | undefined)?.postlint ?? this.pushed;
    }
    const settings: PostlintSettings = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? { ...(raw as PostlintSettings) } : {};
    if (settings.locale === undefined || settings.locale === 'auto') settings.locale = this.clientLocale();
    return settings;
  }
}

/** VS Code's display language (`initialize` locale) to a message locale. */
export function localeOf(clientLocale: string | undefined): Locale {
  return clientLocale?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

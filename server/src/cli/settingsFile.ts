import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { PostlintSettings } from '../engine';

export interface LoadedSettings {
  /** The settings file, or undefined when none was found. */
  path?: string;
  /** The workspace folder the settings belong to: word-list paths are relative to it. */
  root?: string;
  settings: PostlintSettings;
  /** Problems reading the file itself (syntax errors), naming the file. */
  problems: string[];
  /** The file could not be read at all (as opposed to read with syntax errors). */
  unreadable?: boolean;
}

/**
 * Turns VS Code's flat `"postlint.rules": …` keys (and a nested `"postlint": { … }`) into the
 * settings object the engine takes, exactly as `getConfiguration('postlint')` would.
 */
export function postlintSection(all: Record<string, unknown>): PostlintSettings {
  const section: Record<string, unknown> = {};
  const nested = all.postlint;
  if (typeof nested === 'object' && nested !== null && !Array.isArray(nested)) Object.assign(section, nested);
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith('postlint.')) continue;
    const path = key.slice('postlint.'.length).split('.');
    let target = section;
    for (const part of path.slice(0, -1)) {
      const next = target[part];
      const child: Record<string, unknown> = typeof next === 'object' && next !== null && !Array.isArray(next) ? (next as Record<string, unknown>) : {};
      target[part] = child;
      target = child;
    }
    target[path[path.length - 1]] = value;
  }
  return section as PostlintSettings;
}

/** Reads a VS Code settings file (JSONC: comments and trailing commas allowed) belonging to workspace folder `root`. */
export function readSettingsFile(path: string, root: string): LoadedSettings {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { path, root, settings: {}, problems: [`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`], unreadable: true };
  }
  const errors: ParseError[] = [];
  const parsed: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems = errors.map((e) => {
    const before = text.slice(0, e.offset);
    const line = before.split(/\r\n|\r|\n/).length;
    return `${path}:${line}: ${printParseErrorCode(e.error)}`;
  });
  const all = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  return { path, root, settings: postlintSection(all), problems };
}

/** Finds the nearest `.vscode/settings.json` at or above `dir`, caching per folder. */
export class SettingsLocator {
  private readonly cache = new Map<string, LoadedSettings>();

  forDirectory(dir: string): LoadedSettings {
    const start = resolve(dir);
    const cached = this.cache.get(start);
    if (cached) return cached;
    const candidate = join(start, '.vscode', 'settings.json');
    let found: LoadedSettings;
    if (existsSync(candidate)) found = readSettingsFile(candidate, start);
    else {
      const parent = dirname(start);
      found = parent === start ? { settings: {}, problems: [] } : this.forDirectory(parent);
    }
    this.cache.set(start, found);
    return found;
  }
}

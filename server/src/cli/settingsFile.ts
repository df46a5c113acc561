import { closeSync, constants, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createScanner, parse, printParseErrorCode, SyntaxKind, type ParseError } from 'jsonc-parser';
import type { PostlintSettings } from '../engine';

/** A settings file larger than this is not read: VS Code's own are a few kilobytes, and word lists have files of their own. */
export const MAX_SETTINGS_FILE_BYTES = 8 * 1024 * 1024;
/** Deeper than this, a value in a settings file is read as null (the parser recurses, and would overflow the stack). */
export const MAX_SETTINGS_FILE_DEPTH = 64;

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
  const nested = Object.hasOwn(all, 'postlint') ? all.postlint : undefined;
  if (typeof nested === 'object' && nested !== null && !Array.isArray(nested)) Object.assign(section, nested);
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith('postlint.')) continue;
    const path = key.slice('postlint.'.length).split('.');
    let target = section;
    for (const part of path.slice(0, -1)) {
      // Own keys only: `postlint.__proto__.x` must make a key named __proto__, not reach Object.prototype.
      const next = Object.hasOwn(target, part) ? target[part] : undefined;
      const child: Record<string, unknown> = typeof next === 'object' && next !== null && !Array.isArray(next) ? (next as Record<string, unknown>) : {};
      setOwn(target, part, child);
      target = child;
    }
    setOwn(target, path[path.length - 1], value);
  }
  return section as PostlintSettings;
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * Reads a settings file: a regular file only (a pipe or /dev/zero would never end) and at most
 * `MAX_SETTINGS_FILE_BYTES`. Throws with a `code` the caller prints.
 */
function readSettingsText(path: string): string {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'not a regular file' });
    if (stats.size > MAX_SETTINGS_FILE_BYTES) throw Object.assign(new Error('too large'), { code: `larger than ${MAX_SETTINGS_FILE_BYTES} bytes` });
    const buffer = Buffer.alloc(stats.size);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read <= 0) break;
      length += read;
    }
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * Replaces each value that opens deeper than `MAX_SETTINGS_FILE_DEPTH` with `null`, so the recursive
 * parser never goes that deep; returns the offsets where that happened, for messages.
 */
function flattenTooDeep(text: string): { text: string; cuts: number[] } {
  const scanner = createScanner(text, true);
  const cuts: [number, number][] = [];
  let depth = 0;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      if (depth < MAX_SETTINGS_FILE_DEPTH) {
        depth++;
        continue;
      }
      const start = scanner.getTokenOffset();
      let inner = 1;
      let end = text.length;
      for (let k = scanner.scan(); k !== SyntaxKind.EOF; k = scanner.scan()) {
        if (k === SyntaxKind.OpenBraceToken || k === SyntaxKind.OpenBracketToken) inner++;
        else if ((k === SyntaxKind.CloseBraceToken || k === SyntaxKind.CloseBracketToken) && --inner === 0) {
          end = scanner.getTokenOffset() + scanner.getTokenLength();
          break;
        }
      }
      cuts.push([start, end]);
    } else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) {
      depth = Math.max(0, depth - 1);
    }
  }
  if (cuts.length === 0) return { text, cuts: [] };
  let flat = '';
  let from = 0;
  for (const [start, end] of cuts) {
    // The line breaks stay, so that the lines of syntax errors after a cut are still right.
    flat += `${text.slice(from, start)}null${'\n'.repeat(text.slice(start, end).match(/\r\n|\r|\n/g)?.length ?? 0)}`;
    from = end;
  }
  return { text: flat + text.slice(from), cuts: cuts.map(([start]) => start) };
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split(/\r\n|\r|\n/).length;
}

/** Reads a VS Code settings file (JSONC: comments and trailing commas allowed) belonging to workspace folder `root`. */
export function readSettingsFile(path: string, root: string): LoadedSettings {
  let text: string;
  try {
    text = readSettingsText(path);
  } catch (error) {
    return { path, root, settings: {}, problems: [`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`], unreadable: true };
  }
  const flat = flattenTooDeep(text);
  const problems = flat.cuts.map((offset) => `${path}:${lineAt(text, offset)}: a value nests more than ${MAX_SETTINGS_FILE_DEPTH} levels deep and is ignored`);
  const errors: ParseError[] = [];
  const parsed: unknown = parse(flat.text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const e of errors) problems.push(`${path}:${lineAt(flat.text, e.offset)}: ${printParseErrorCode(e.error)}`);
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

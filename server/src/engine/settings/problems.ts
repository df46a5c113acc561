import { inLocale, type ConfigProblem, type Locale, type Localized } from '../types';

/**
 * Collects settings problems in the message language. Each problem names the key that is wrong
 * (`postlint.patterns[2].pattern`) and says in one sentence what to write instead.
 */
export class ProblemLog {
  readonly items: ConfigProblem[] = [];

  constructor(readonly locale: Locale = 'en') {}

  add(key: string, message: Localized): void {
    this.items.push({ key, message: inLocale(message, this.locale) });
  }

  /** Where the log stands now, for `capSince`. */
  mark(): number {
    return this.items.length;
  }

  /** Keeps at most `max` problems added since `mark`, so one broken 10,000-item list does not flood the editor. */
  capSince(mark: number, max: number, key: string): void {
    const extra = this.items.length - mark - max;
    if (extra <= 0) return;
    this.items.splice(mark + max, extra);
    this.add(key, { en: `has ${extra} more problems like these.`, zh: `还有 ${extra} 个类似的问题。` });
  }

  /** The problems, each once: a family key reports a bad value once, not once per rule in the family. */
  list(): ConfigProblem[] {
    return dedupeProblems(this.items);
  }
}

export function dedupeProblems(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const id = `${p.key}\u0000${p.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as it appears in settings, shortened so a pasted 10 KB string does not flood a notification. */
export function shown(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    // Nested too deep to print, or an object without a prototype's toString.
    text = Array.isArray(value) ? '[…]' : typeof value === 'object' ? '{…}' : typeof value;
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

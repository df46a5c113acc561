// Shared by the scanning patterns (matcher.ts) and the anchored templates (anchored.ts).
import type { CompiledEntry } from './types';

/**
 * Capture groups inside an entry's pattern, or undefined when it is not a valid pattern (it is then skipped).
 * Constructing the RegExp checks the syntax of a team's pattern; a built-in one is checked by the tests
 * (test/engine/lexicon.test.ts, signals.test.ts), and parsing it again cost a process's first lint about 2 ms.
 * The groups are counted from the source, since running the pattern once to count them would compile each
 * one to machine code on a process's first lint.
 */
export function countGroups(entry: CompiledEntry, flags: string): number | undefined {
  const pattern = entry.pattern!;
  if (entry.custom) {
    try {
      new RegExp(pattern, flags);
    } catch {
      return undefined;
    }
  }
  let groups = 0;
  forEachParenthesis(pattern, (at, opens) => {
    // `(` opens a capture group unless `?` follows, where only a named group `(?<name>` captures.
    if (opens && (pattern[at + 1] !== '?' || (pattern[at + 2] === '<' && pattern[at + 3] !== '=' && pattern[at + 3] !== '!'))) groups++;
  });
  return groups;
}

/** Calls `visit` at every `(` and `)` of a pattern that is syntax: not escaped, not inside a character class. */
export function forEachParenthesis(pattern: string, visit: (at: number, opens: boolean) => void): void {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(' || c === ')') visit(i, c === '(');
  }
}

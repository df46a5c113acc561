import type { Diagnostic } from '../../server/src/engine';
import { applyEdits, editsConflict, preferredEdits } from '../../server/src/engine/fixes';

export { applyEdits };

/** Applies the preferred fix of every diagnostic of `rule` in one pass, as one "fix all" pass does. */
export function applyPreferredFixes(text: string, diagnostics: readonly Diagnostic[], rule: string): string {
  return applyEdits(text, preferredEdits({ diagnostics: [...diagnostics] }, rule));
}

/**
 * Applies each diagnostic's first offer, fix or suggestion, as a writer taking every light bulb's first
 * entry would; an offer that conflicts with one already taken is skipped.
 */
export function applyFirstOffers(text: string, diagnostics: readonly Diagnostic[]): string {
  const taken: { start: number; end: number; newText: string }[] = [];
  for (const d of diagnostics) {
    const edits = d.fixes[0]?.offsetEdits ?? [];
    if (edits.some((e) => taken.some((t) => editsConflict(e, t)))) continue;
    taken.push(...edits);
  }
  return applyEdits(text, taken);
}

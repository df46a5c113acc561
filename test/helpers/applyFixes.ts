import type { Diagnostic } from '../../server/src/engine';
import { applyEdits, preferredEdits } from '../../server/src/engine/fixes';

export { applyEdits };

/** Applies the preferred fix of every diagnostic of `rule` in one pass, as one "fix all" pass does. */
export function applyPreferredFixes(text: string, diagnostics: readonly Diagnostic[], rule: string): string {
  return applyEdits(text, preferredEdits({ diagnostics: [...diagnostics] }, rule));
}

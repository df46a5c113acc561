import type { Diagnostic, OffsetEdit } from '../../server/src/engine';

/** Applies offset edits to a string the way an editor does: all against the original text, last first. */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

/** Applies the preferred fix of every diagnostic of `rule`, as "fix all" does. */
export function applyPreferredFixes(text: string, diagnostics: readonly Diagnostic[], rule: string): string {
  const edits = diagnostics.filter((d) => d.rule === rule).flatMap((d) => d.fixes.find((f) => f.preferred)?.offsetEdits ?? []);
  return applyEdits(text, edits);
}

// A finding's fixes, made when first read (the CLI prints most findings without them), each edit repaired
// against its surroundings and sorted into fix or suggestion, as ESLint separates them.
import type { FixSpec } from './rule';
import type { ParsedPost } from './parse/post';
import { removesContent, repairEdit } from './edits/repair';
import type { Diagnostic, Fix, FixKind, OffsetEdit, Severity } from './types';

/** Where a diagnostic keeps what builds its fixes until `fixes` is first read, then the fixes. */
const LAZY_FIXES = Symbol('postlint.lazyFixes');

interface LazyFixes {
  build?: () => FixSpec[];
  post?: ParsedPost;
  severity: Severity;
  fixes?: Fix[];
}

type LazyDiagnostic = Diagnostic & { [LAZY_FIXES]: LazyFixes };

/**
 * One getter and one setter for every lazy diagnostic. V8 gives objects that share an accessor pair one
 * hidden class; closures per diagnostic made a hidden class per diagnostic, held in the old generation,
 * which kept each diagnostic's post alive through minor collections (the lint loop's largest GC cost).
 */
const LAZY_FIXES_PROPERTY: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: LazyDiagnostic): Fix[] {
    const lazy = this[LAZY_FIXES];
    if (!lazy.fixes) {
      lazy.fixes = buildSafely(lazy.build!, lazy.post!, lazy.severity);
      lazy.build = undefined;
      lazy.post = undefined;
    }
    return lazy.fixes;
  },
  set(this: LazyDiagnostic, value: Fix[]): void {
    const lazy = this[LAZY_FIXES];
    lazy.fixes = value;
    lazy.build = undefined;
    lazy.post = undefined;
  },
};

/**
 * A diagnostic's fixes, whether the rule gave a builder or the fix specs themselves, are made on first
 * read of `fixes`, then kept; the property is an own enumerable one, so JSON output, copies and code
 * actions see the same array as they would a plain one.
 */
export function defineLazyFixes(diagnostic: Diagnostic, build: () => FixSpec[], post: ParsedPost, severity: Severity): void {
  const lazy: LazyFixes = { build, post, severity };
  Object.defineProperty(diagnostic, LAZY_FIXES, { value: lazy, writable: false, enumerable: false, configurable: false });
  Object.defineProperty(diagnostic, 'fixes', LAZY_FIXES_PROPERTY);
}

/**
 * A lazy fix is built outside `lint`'s per-rule guard, in whichever host reads it first: a builder
 * that throws must cost the user that fix, never the code-action request or the CLI run.
 */
function buildSafely(build: () => FixSpec[], post: ParsedPost, severity: Severity): Fix[] {
  try {
    return toFixes(build(), post, severity);
  } catch {
    return [];
  }
}

/**
 * Every edit is repaired against its surroundings (no doubled punctuation, no stray spaces, no empty `##`),
 * then each fix is sorted into fix or suggestion. Fixes come first, the preferred one first among them: it
 * is the one fix-all applies, and the first the light bulb offers.
 */
function toFixes(specs: FixSpec[] | undefined, post: ParsedPost, severity: Severity): Fix[] {
  const all = specs ?? [];
  // A rule that marks any fix preferred (or not) has chosen; otherwise the first fix is the preferred one.
  const chosen = all.some((f) => f.preferred !== undefined);
  let preferredTaken = false;
  const made: Fix[] = [];
  for (const fix of all) {
    const offsetEdits = repairEdits(post.text, fix.edits);
    // No well-formed version of this fix exists: better none than one that leaves broken copy.
    if (!offsetEdits) continue;
    const kind: FixKind = fix.kind ?? (severity === 'hint' || offsetEdits.some((e) => deletesWords(post.text, e)) ? 'suggestion' : 'fix');
    const preferred = kind === 'fix' && !preferredTaken && (chosen ? fix.preferred === true : true);
    if (preferred) preferredTaken = true;
    made.push({
      title: fix.title,
      kind,
      preferred,
      edits: offsetEdits.map((e) => ({ range: post.lines.rangeAt(e.start, e.end), newText: e.newText })),
      offsetEdits,
    });
  }
  const fixes = made.filter((f) => f.kind === 'fix');
  fixes.sort((a, b) => Number(b.preferred) - Number(a.preferred));
  return [...fixes, ...made.filter((f) => f.kind === 'suggestion')];
}

/**
 * Each edit repaired on its own; if two repaired edits would overlap, the rule's edits are kept as given.
 * Null when one of them has no well-formed version.
 */
function repairEdits(text: string, edits: readonly OffsetEdit[]): OffsetEdit[] | null {
  const given = edits.map((e) => ({ start: e.start, end: e.end, newText: e.newText }));
  const repaired: OffsetEdit[] = [];
  for (const e of given) {
    const r = repairEdit(text, e);
    if (!r) return null;
    repaired.push(r);
  }
  const sorted = [...repaired].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) if (sorted[i].start < sorted[i - 1].end) return given;
  return repaired;
}

/** An edit that takes out letters, digits or CJK and puts none back deletes the writer's words. */
function deletesWords(text: string, edit: OffsetEdit): boolean {
  return removesContent(text, edit) && !/[\p{L}\p{N}]/u.test(edit.newText);
}

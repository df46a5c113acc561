// Applying fixes to text: shared by the server's fix-all, the CLI's --fix and the tests, so that
// every host resolves overlaps and repeats passes the same way.
import type { PostlintSettings } from './config';
import { isHighSurrogate, isLowSurrogate } from './chars';
import { lintWith } from './lint';
import type { RuleSet } from './ruleSet';
import type { Diagnostic, LintResult, OffsetEdit } from './types';

/**
 * Applies edits given in offsets of `text`, all against the original text, as an editor applies a
 * workspace edit. Insertions at the same offset keep their given order. Linear in the text's size.
 * Throws a RangeError on an edit outside the text or on two edits that overlap.
 */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  if (edits.length === 0) return text;
  const sorted = edits.map((edit, order) => ({ edit, order })).sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.order - b.order);
  const parts: string[] = [];
  let cursor = 0;
  for (const { edit } of sorted) {
    if (edit.start < 0 || edit.end > text.length || edit.start > edit.end) {
      throw new RangeError(`edit [${edit.start}, ${edit.end}) lies outside the text (length ${text.length})`);
    }
    if (edit.start < cursor) throw new RangeError(`edit [${edit.start}, ${edit.end}) overlaps an earlier edit ending at ${cursor}`);
    parts.push(text.slice(cursor, edit.start), edit.newText);
    cursor = edit.end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

/**
 * Whether two edits cannot both be applied unambiguously: their ranges intersect, or they start at
 * the same offset and one of them is an insertion (which would go first is a guess). Edits that only
 * touch, one ending where the other starts, are fine.
 */
export function editsConflict(a: OffsetEdit, b: OffsetEdit): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  return a.start === b.start && (a.start === a.end || b.start === b.end);
}

function sameEdits(a: readonly OffsetEdit[], b: readonly OffsetEdit[]): boolean {
  return a.length === b.length && a.every((e, i) => e.start === b[i].start && e.end === b[i].end && e.newText === b[i].newText);
}

/**
 * The preferred fix of every finding (of `rule` and the rules under it, when given), as one list of
 * edits that never overlap. A fix is taken whole or not at all: one that conflicts with a fix already
 * taken (findings in text order) is left for the next pass, which will see the text after this one.
 * A fix identical to one already taken (the same split for two platforms) is taken once.
 */
export function preferredEdits(result: Pick<LintResult, 'diagnostics'>, rule?: string): OffsetEdit[] {
  return collectPreferred(result, rule).edits;
}

function collectPreferred(result: Pick<LintResult, 'diagnostics'>, rule: string | undefined): { edits: OffsetEdit[]; findings: number } {
  const taken: OffsetEdit[][] = [];
  const edits: OffsetEdit[] = [];
  let findings = 0;
  for (const diagnostic of result.diagnostics) {
    if (rule !== undefined && !ruleMatches(diagnostic, rule)) continue;
    const fix = diagnostic.fixes.find((f) => f.preferred);
    if (!fix || fix.offsetEdits.length === 0) continue;
    const own = fix.offsetEdits;
    if (taken.some((t) => sameEdits(t, own))) {
      findings++;
      continue;
    }
    const selfConsistent = own.every((e, i) => own.every((o, j) => i === j || !editsConflict(e, o)));
    if (!selfConsistent || own.some((e) => edits.some((a) => editsConflict(e, a)))) continue;
    taken.push(own);
    edits.push(...own);
    findings++;
  }
  return { edits, findings };
}

/** `rule` names a rule id or a family: `formatting` covers `formatting/wall-of-text`. */
export function ruleMatches(diagnostic: Pick<Diagnostic, 'rule'>, rule: string): boolean {
  return diagnostic.rule === rule || diagnostic.rule.startsWith(`${rule}/`);
}

export interface FixAllResult {
  text: string;
  /** Passes that changed the text. */
  passes: number;
  /** Findings whose preferred fix was applied, over all passes. */
  fixed: number;
}

/** Enough for fixes that make room for each other; a loop of fixes undoing each other stops here. */
export const MAX_FIX_PASSES = 10;
/**
 * Past `MAX_FIX_PASSES`, passes go on only while each makes the text shorter (nested markup loses a
 * layer a pass: emphasis twelve deep takes twelve), until this many characters have been linted in all.
 */
export const MAX_FIX_WORK = 4_000_000;

/**
 * Lints with the rules of `set`, applies every preferred fix that does not overlap another, and lints
 * again until nothing changes. Running it on its own output changes nothing, up to the bounds above: a
 * loop of fixes undoing each other stops after `MAX_FIX_PASSES`, and peeling stops at `MAX_FIX_WORK`.
 * `engine/index.ts` binds the built-in rules as `fixAll(text, settings, options)`.
 */
export function fixAllWith(set: RuleSet, text: string, settings: PostlintSettings = {}, options: { rule?: string } = {}): FixAllResult {
  let current = text;
  let passes = 0;
  let fixed = 0;
  let work = 0;
  for (;;) {
    work += current.length;
    const { edits, findings } = collectPreferred(lintWith(set, current, settings), options.rule);
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    if (passes >= MAX_FIX_PASSES && (next.length >= current.length || work > MAX_FIX_WORK)) break;
    fixed += findings;
    current = next;
    passes++;
  }
  return { text: current, passes, fixed };
}

/**
 * The smallest single edit that turns `before` into `after` (common prefix and suffix kept), so an
 * editor keeps the cursor and folding outside the change. Never splits a surrogate pair.
 */
export function minimalEdit(before: string, after: string): OffsetEdit | null {
  if (before === after) return null;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  // Step back off a shared high surrogate (or forward off a shared low one) so both ends stay on code points.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  if (tail > 0 && isLowSurrogate(before.charCodeAt(before.length - tail))) tail--;
  return { start, end: before.length - tail, newText: after.slice(start, after.length - tail) };
}

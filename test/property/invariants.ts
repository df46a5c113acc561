// What every lint result must satisfy, whatever the input. Positions are recomputed here
// independently of the engine's LineIndex, so a bug there cannot hide itself.
import assert from 'node:assert/strict';
import type { Diagnostic, LintOutput, Position, Range } from '../../server/src/engine';

/** Offsets where a line starts, by LSP's rules (`\n`, `\r\n`, lone `\r`), computed the slow, obvious way. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') continue;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  return starts;
}

function positionOf(starts: number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

function checkSpan(text: string, starts: number[], start: number, end: number, range: Range, what: string): void {
  assert.ok(Number.isInteger(start) && Number.isInteger(end), `${what}: offsets must be integers (${start}, ${end})`);
  assert.ok(0 <= start && start <= end && end <= text.length, `${what}: [${start}, ${end}) must lie inside the document (length ${text.length})`);
  assert.ok(!splitsSurrogatePair(text, start), `${what}: start ${start} splits a surrogate pair`);
  assert.ok(!splitsSurrogatePair(text, end), `${what}: end ${end} splits a surrogate pair`);
  assert.deepEqual(range.start, positionOf(starts, start), `${what}: range.start disagrees with offset ${start}`);
  assert.deepEqual(range.end, positionOf(starts, end), `${what}: range.end disagrees with offset ${end}`);
}

function describe(d: Diagnostic): string {
  return `${d.rule} [${d.start}, ${d.end})`;
}

/** Every range inside the document, start ≤ end, never inside a surrogate pair, positions matching offsets. */
export function assertWellFormed(text: string, output: LintOutput): void {
  assert.deepEqual(output.ruleFailures, [], 'no rule may throw');
  const starts = lineStartsOf(text);
  for (const d of output.diagnostics) {
    checkSpan(text, starts, d.start, d.end, d.range, describe(d));
    assert.ok(typeof d.message === 'string' && d.message.length > 0, `${describe(d)}: needs a message`);
    assert.ok(d.rule === d.family || d.rule.startsWith(`${d.family}/`), `${describe(d)}: rule id must start with its family`);
    const preferred = d.fixes.filter((f) => f.preferred);
    // At most one: fix-all must know which to apply. None is allowed: a fix that only helps (a partial split) is offered by hand.
    assert.ok(preferred.length <= 1, `${describe(d)}: at most one fix is preferred, not ${preferred.length}`);
    for (const fix of d.fixes) {
      assert.equal(fix.edits.length, fix.offsetEdits.length, `${describe(d)}: ${fix.title}: edits and offset edits differ`);
      fix.offsetEdits.forEach((e, i) => checkSpan(text, starts, e.start, e.end, fix.edits[i].range, `${describe(d)}: fix "${fix.title}" edit ${i}`));
    }
  }
  for (const p of output.configProblems) assert.ok(p.key.startsWith('postlint') && p.message.length > 0, `config problem needs a key and message: ${JSON.stringify(p)}`);
}

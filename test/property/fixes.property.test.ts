import assert from 'node:assert/strict';
import fc from 'fast-check';
import { type Diagnostic, fixAll, lint, type OffsetEdit, type PostlintSettings } from '../../server/src/engine';
import { applyEdits, preferredEdits } from '../../server/src/engine/fixes';
import { document, runs, seedOption } from './arbitraries';
import { assertWellFormed } from './invariants';

/** One settings object for every lint, as an editor session has: compiling settings costs more than a lint. */
const DEFAULTS: PostlintSettings = {};

/** Where `offset` of the text before the edits lands after them (`edits` sorted and disjoint). */
function mapOffset(offset: number, edits: readonly OffsetEdit[], side: 'start' | 'end'): number {
  let shift = 0;
  for (const e of edits) {
    if (e.end <= offset && !(e.start === e.end && e.start === offset && side === 'start')) shift += e.newText.length - (e.end - e.start);
    else if (e.start < offset) return e.start + shift + (side === 'end' ? e.newText.length : 0);
    else break;
  }
  return offset + shift;
}

function loneSurrogates(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    else if (c >= 0xd800 && c <= 0xdfff) count++;
  }
  return count;
}

/** The text between the edits, as it must reappear, in order, around the new text. */
function assertOutsideUnchanged(before: string, after: string, edits: readonly OffsetEdit[]): void {
  let cursor = 0;
  let at = 0;
  for (const e of edits) {
    const kept = before.slice(cursor, e.start);
    assert.equal(after.slice(at, at + kept.length), kept, `text before the edit at ${e.start} changed`);
    at += kept.length;
    assert.equal(after.slice(at, at + e.newText.length), e.newText, `edit at ${e.start} did not land as given`);
    at += e.newText.length;
    cursor = e.end;
  }
  assert.equal(after.slice(at), before.slice(cursor), 'text after the last edit changed');
}

/** The findings whose preferred fix is among `taken` (a fix is taken whole or not at all). */
function fixedBy(diagnostics: readonly Diagnostic[], taken: readonly OffsetEdit[]): Diagnostic[] {
  const key = (e: OffsetEdit) => `${e.start}:${e.end}:${e.newText}`;
  const takenKeys = new Set(taken.map(key));
  return diagnostics.filter((d) => {
    const fix = d.fixes.find((f) => f.preferred);
    return fix !== undefined && fix.offsetEdits.length > 0 && fix.offsetEdits.every((e) => takenKeys.has(key(e)));
  });
}

/** Checking a fix alone costs a lint: one finding per rule keeps the cost bounded yet covers every rule. */
function firstOfEachRule(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => !seen.has(d.rule) && seen.add(d.rule));
}

describe('property: preferred fixes on arbitrary posts', function () {
  this.timeout(0);

  it('change only their own ranges, remove the findings they fix, and leave nothing for a second fix-all', () => {
    fc.assert(
      fc.property(document, (text) => {
        const result = lint(text, DEFAULTS);
        const edits = preferredEdits(result).sort((a, b) => a.start - b.start || a.end - b.end);
        if (edits.length === 0) return;
        const fixed = applyEdits(text, edits);
        assertOutsideUnchanged(text, fixed, edits);
        assert.ok(loneSurrogates(fixed) <= loneSurrogates(text), 'a fix tore a character in two');

        assertWellFormed(fixed, lint(fixed, DEFAULTS));

        // Each fix on its own removes its finding. (Applied together, two fixes may interact: deleting
        // "buy now" before "```" opens a fence that swallows the image another fix appended. Fix-all's
        // next pass sees that, which the convergence check below covers.)
        for (const d of firstOfEachRule(fixedBy(result.diagnostics, edits))) {
          const own = d.fixes.find((f) => f.preferred)!.offsetEdits.slice().sort((a, b) => a.start - b.start || a.end - b.end);
          const alone = applyEdits(text, own);
          const start = mapOffset(d.start, own, 'start');
          const end = mapOffset(d.end, own, 'end');
          // Fixed when the rule reports fewer findings than before. Otherwise look for the same finding: same
          // rule and message, anchored where the fixed one now is. (Deleting one of two "---" lines brings the
          // second where the first was; two stray asterisks may pair up once others are gone: those are other
          // findings, and the count or the anchor tells them apart.)
          const ofRule = lint(alone, DEFAULTS).diagnostics.filter((n) => n.rule === d.rule);
          const before = result.diagnostics.filter((o) => o.rule === d.rule).length;
          const same = ofRule.length < before ? undefined : ofRule.find((n) => n.message === d.message && (n.start === start || n.end === end));
          assert.ok(!same, `${d.rule} at [${d.start}, ${d.end}) is still reported after its fix, at [${same?.start}, ${same?.end}): ${d.message}\nfixed text: ${JSON.stringify(alone)}`);
        }

        const all = fixAll(text, DEFAULTS);
        const again = fixAll(all.text, DEFAULTS);
        assert.equal(again.text, all.text, 'a second fix-all changed the text');
        assert.deepEqual(preferredEdits(lint(all.text, DEFAULTS)), [], 'fix-all left a preferred fix unapplied');
      }),
      { numRuns: runs(1_000), ...seedOption() },
    );
  });

  it('a second fix-all changes nothing on emphasis and links nested 11 to 40 levels deep', () => {
    const nested = fc.oneof(
      // Alternating delimiters, so that every level is one (`_*_*x*_*_`): equal neighbours would merge into one run.
      fc.tuple(fc.integer({ min: 11, max: 40 }), fc.boolean(), fc.constantFrom(1, 2)).map(([depth, underscoreFirst, width]) => {
        const delimiters = Array.from({ length: depth }, (_, i) => ((i % 2 === 0) === underscoreFirst ? '_' : '*').repeat(width));
        return `${delimiters.join('')}word${delimiters.reverse().join('')}`;
      }),
      fc.integer({ min: 11, max: 40 }).map((depth) => `${'['.repeat(depth)}word${'](https://example.com)'.repeat(depth)}`),
    );
    fc.assert(
      fc.property(nested, fc.constantFrom('\n', '\r\n', '\r'), (markup, eol) => {
        const text = `We shipped it.${eol}${eol}${markup}${eol}`;
        const all = fixAll(text, DEFAULTS);
        assert.equal(fixAll(all.text, DEFAULTS).text, all.text, `a second fix-all changed ${JSON.stringify(all.text)}`);
      }),
      { numRuns: runs(200), ...seedOption() },
    );
  });

  it('keeps a file broken by CR alone broken by CR alone', () => {
    const crOnly = fc.array(fc.constantFrom('We shipped it.', 'Buy now!!!', '# Heading', '**bold** words', 'What do you think?', 'A long line of words about onboarding. '.repeat(8), ''), { minLength: 1, maxLength: 8 }).map((lines) => `${lines.join('\r')}\r`);
    fc.assert(
      fc.property(crOnly, (text) => {
        const fixed = fixAll(text, DEFAULTS).text;
        assert.ok(!fixed.includes('\n'), `a LF appeared: ${JSON.stringify(fixed)}`);
      }),
      { numRuns: runs(300), ...seedOption() },
    );
  });
});

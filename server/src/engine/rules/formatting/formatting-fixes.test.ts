import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, type Diagnostic } from '../..';
import { applyEdits, applyFirstOffers } from '../../../../../test/helpers/applyFixes';

// Every preferred fix of the formatting rules, applied to every formatting fixture, one rule at a time:
// the edits respect the fix contract, the rule falls silent on the fixed text, and fixing again changes nothing.

const RULES = ['formatting/markdown', 'formatting/wall-of-text', 'formatting/punctuation', 'formatting/shouting', 'formatting/hashtags', 'formatting/cjk-spacing'];
// cjk-spacing is a hint by default; raising it keeps the same findings and lets the test see its fixes at any level.
const SETTINGS = { rules: { 'formatting/cjk-spacing': 'warning' as const } };

const root = join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures');
const fixtures = ['zh', 'en', 'mixed'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((name) => name.startsWith('formatting-') && name.endsWith('.post.md'))
    .map((name) => `${dir}/${name}`),
);

function findingsOf(text: string, rule: string): Diagnostic[] {
  return lint(text, SETTINGS).diagnostics.filter((d) => d.rule === rule);
}

function preferredEdits(findings: Diagnostic[]) {
  return findings.flatMap((d) => d.fixes.find((f) => f.preferred)?.offsetEdits ?? []);
}

function assertNoOverlap(edits: { start: number; end: number }[], what: string): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]];
    assert.ok(a.end <= b.start && !(a.start === b.start && (a.start === a.end || b.start === b.end)), `${what}: edits [${a.start}, ${a.end}) and [${b.start}, ${b.end}) overlap`);
  }
}

describe('formatting fixes on the fixtures', () => {
  it('has Chinese, English and mixed formatting fixtures', () => {
    for (const [dir, least] of [['zh/', 8], ['en/', 8], ['mixed/', 3]] as const) {
      assert.ok(fixtures.filter((f) => f.startsWith(dir)).length >= least, `at least ${least} fixtures in ${dir}`);
    }
  });

  const fired = new Set<string>();
  for (const fixture of fixtures) {
    const text = readFileSync(join(root, fixture), 'utf8');
    for (const rule of RULES) {
      const findings = findingsOf(text, rule);
      if (findings.length === 0) continue;
      fired.add(rule);
      it(`${fixture}: ${rule}`, () => {
        for (const d of findings) {
          const preferred = d.fixes.filter((f) => f.preferred);
          assert.ok(preferred.length <= 1, `${d.message}: at most one preferred fix`);
          for (const fix of d.fixes) {
            assertNoOverlap(fix.offsetEdits, fix.title);
            for (const e of fix.offsetEdits) {
              assert.ok(e.start >= d.start && e.end <= d.end, `${fix.title}: edit [${e.start}, ${e.end}) outside the finding [${d.start}, ${d.end})`);
            }
          }
        }
        const edits = preferredEdits(findings);
        assertNoOverlap(edits, `${rule} fix-all`);
        if (findings.every((d) => d.fixes.every((f) => f.kind === 'suggestion'))) {
          // Suggestions only: fix-all leaves the post alone; taking each first suggestion settles the findings.
          assert.deepEqual(edits, []);
          const taken = applyFirstOffers(text, findings);
          assert.notEqual(taken, text, 'the suggestions change the text');
          assert.ok(findingsOf(taken, rule).length < findings.length, `after the suggestions:\n${taken}`);
          return;
        }
        const unfixable = findings.filter((d) => !d.fixes.some((f) => f.preferred)).map((d) => d.message);

        const fixed = applyEdits(text, edits);
        assert.notEqual(fixed, text, 'the preferred fixes change the text');
        const after = findingsOf(fixed, rule);
        assert.deepEqual(after.map((d) => d.message), unfixable, `after fixing:\n${fixed}`);
        assert.equal(applyEdits(fixed, preferredEdits(after)), fixed, 'a second fix-all changes nothing');
      });
    }
  }

  it('exercises the fixes of every rule', () => assert.deepEqual([...fired].sort(), [...RULES].sort()));
});

describe('wall-of-text breaks after the marks that close a sentence', () => {
  // Found by the fix property: a break between `！` and `？` was moved past `？` by the fix's repair, to the
  // paragraph's end, and the paragraph stayed a wall.
  const sentence = 'We tried the new route to the lake this weekend and the view was better than any photo of it';
  const paragraph = `${sentence}!? ${sentence}. ${sentence}！？ ${sentence}, honestly. Who else has walked it！？`;

  it('puts each break after the whole run of marks and settles the finding', () => {
    const [finding] = findingsOf(paragraph, 'formatting/wall-of-text');
    assert.ok(finding, 'the paragraph is a wall');
    const fix = finding.fixes.find((f) => f.preferred);
    assert.ok(fix, 'the breaks settle the finding, so the fix is preferred');
    const fixed = applyEdits(paragraph, fix.offsetEdits);
    for (const line of fixed.split('\n')) assert.doesNotMatch(line, /^[!?！？]/, `a line opens with a mark: ${line}`);
    assert.ok(!fixed.endsWith('\n'), 'no break at the paragraph end');
    assert.deepEqual(findingsOf(fixed, 'formatting/wall-of-text'), []);
  });

  it('offers no break when the only sentence end is the run that closes the paragraph', () => {
    // Just over the limit with the `？`, within it up to the `！`: a break between them looked like it settled the wall.
    const text = `${sentence} ${sentence} ${sentence}`.slice(0, 278).trimEnd().padEnd(278, 'x') + '！？';
    const [finding] = findingsOf(text, 'formatting/wall-of-text');
    assert.ok(finding, 'the paragraph is a wall');
    assert.deepEqual(finding.fixes.filter((f) => f.preferred), []);
  });
});

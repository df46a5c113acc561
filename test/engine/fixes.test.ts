import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { type Diagnostic, type Fix, fixAll, lint, type OffsetEdit } from '../../server/src/engine';
import { applyEdits, editsConflict, minimalEdit, preferredEdits } from '../../server/src/engine/fixes';
import { REPO_ROOT } from '../helpers/paths';

function fix(edits: OffsetEdit[], preferred = true): Fix {
  return { title: 'fix', kind: 'fix', preferred, edits: [], offsetEdits: edits };
}

function finding(rule: string, start: number, fixes: Fix[]): Diagnostic {
  const range = { start: { line: 0, character: start }, end: { line: 0, character: start } };
  return { rule, family: rule.split('/')[0] as Diagnostic['family'], severity: 'warning', message: '', range, start, end: start, docs: '', fixes };
}

function posts(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.post.md'))
    .map((name) => join(dir, name))
    .sort();
}

describe('applyEdits', () => {
  it('applies edits against the original text, in offset order', () => {
    assert.equal(applyEdits('Buy now! Great deal!!!', [{ start: 19, end: 22, newText: '!' }, { start: 0, end: 9, newText: '' }]), 'Great deal!');
  });

  it('keeps insertions at one offset in the order given', () => {
    assert.equal(applyEdits('ab', [{ start: 1, end: 1, newText: 'x' }, { start: 1, end: 1, newText: 'y' }]), 'axyb');
  });

  it('refuses overlapping edits and edits outside the text', () => {
    assert.throws(() => applyEdits('abcdef', [{ start: 0, end: 3, newText: '' }, { start: 2, end: 4, newText: '' }]), RangeError);
    assert.throws(() => applyEdits('abc', [{ start: 2, end: 4, newText: '' }]), RangeError);
  });
});

describe('preferredEdits', () => {
  it('takes each preferred fix whole, drops a later one that overlaps, and takes an identical one once', () => {
    const split = [{ start: 10, end: 11, newText: '\n\n' }, { start: 0, end: 0, newText: '1/2 ' }];
    const diagnostics = [
      finding('length', 0, [fix(split)]),
      finding('hard-selling', 2, [fix([{ start: 2, end: 5, newText: '' }]), fix([{ start: 2, end: 5, newText: 'x' }], false)]),
      finding('formatting/punctuation', 4, [fix([{ start: 4, end: 6, newText: '!' }])]),
      finding('length', 0, [fix(split)]),
    ];
    assert.deepEqual(preferredEdits({ diagnostics }), [...split, { start: 2, end: 5, newText: '' }]);
  });

  it('keeps to one rule, or to a family', () => {
    const diagnostics = [finding('formatting/punctuation', 0, [fix([{ start: 0, end: 1, newText: 'a' }])]), finding('hard-selling', 3, [fix([{ start: 3, end: 4, newText: 'b' }])])];
    assert.deepEqual(preferredEdits({ diagnostics }, 'formatting'), [{ start: 0, end: 1, newText: 'a' }]);
    assert.deepEqual(preferredEdits({ diagnostics }, 'hard-selling'), [{ start: 3, end: 4, newText: 'b' }]);
  });

  it('never returns edits that conflict, whatever the fixes', () => {
    const edit = fc.record({ start: fc.nat(40), length: fc.nat(5), newText: fc.string({ maxLength: 3 }) }).map(({ start, length, newText }) => ({ start, end: start + length, newText }));
    fc.assert(
      fc.property(fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { maxLength: 12 }), (fixes) => {
        const edits = preferredEdits({ diagnostics: fixes.map((edits, i) => finding('formatting/punctuation', i, [fix(edits)])) });
        edits.forEach((a, i) => edits.forEach((b, j) => assert.ok(i === j || !editsConflict(a, b), JSON.stringify([a, b]))));
        const text = 'x'.repeat(50);
        const result = applyEdits(text, edits);
        assert.equal(result.length, text.length + edits.reduce((sum, e) => sum + e.newText.length - (e.end - e.start), 0));
      }),
      { numRuns: 500 },
    );
  });
});

describe('minimalEdit', () => {
  it('keeps the common prefix and suffix and never splits a surrogate pair', () => {
    assert.deepEqual(minimalEdit('Buy now! Great!!!', 'Great!'), { start: 0, end: 16, newText: 'Great' });
    assert.deepEqual(minimalEdit('a👍b', 'a👎b'), { start: 1, end: 3, newText: '👎' });
    assert.equal(minimalEdit('same', 'same'), null);
  });
});

describe('fix-all', () => {
  it('leaves none of the fixed findings and is idempotent on every fixture and example', () => {
    const files = [...posts(join(REPO_ROOT, 'test', 'fixtures')), ...posts(join(REPO_ROOT, 'examples'))];
    let fixedFiles = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const once = fixAll(text, {});
      if (once.text !== text) fixedFiles++;
      const left = lint(once.text, {}).diagnostics.filter((d) => d.fixes.some((f) => f.preferred && f.offsetEdits.length > 0));
      assert.deepEqual(left.map((d) => `${d.rule}: ${d.message}`), [], file);
      const twice = fixAll(once.text, {});
      assert.equal(twice.passes, 0, file);
      assert.equal(twice.text, once.text, file);
    }
    assert.ok(fixedFiles > 5, `only ${fixedFiles} of ${files.length} files had fixes`);
  });

  it('fixes one rule only when asked', () => {
    const text = 'Buy now! Our planner keeps your week on one page!!! What do you think?\n';
    const fixed = fixAll(text, {}, { rule: 'formatting/punctuation' }).text;
    assert.equal(fixed, text.replace('!!!', '!'));
  });
});

import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from '../../server/src/engine';
import { exactLine, flaggedFamilies, loadQualitySet, scoreResults, type DraftResult } from '../../scripts/quality';

/** The scoring behind `npm run eval`'s quality table; its numbers are the eval's business, not a test's. */
describe('quality eval scoring', () => {
  it('loads the repository quality set: every draft labelled, both halves present', () => {
    const drafts = loadQualitySet(join(__dirname, '..', 'quality'));
    assert.ok(drafts.length >= 200, `${drafts.length} drafts`);
    assert.ok(drafts.some((d) => d.split === 'dev') && drafts.some((d) => d.split === 'test'));
  });

  it('counts precision, recall and exact drafts from the linted families, hints left out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'postlint-quality-'));
    mkdirSync(join(dir, 'en'));
    writeFileSync(join(dir, 'en', 'a.post.md'), '---\nmedia: [a.jpg]\n---\nFlash sale! 50% off everything, today only. Shop now!');
    writeFileSync(join(dir, 'en', 'b.post.md'), '---\nmedia: [b.jpg]\n---\nWe rebuilt the workshop this winter. What would you build first?');
    writeFileSync(
      join(dir, 'en', 'labels.json'),
      JSON.stringify({
        'a.post.md': { expect: ['hard-selling', 'no-hook'], split: 'test', kind: 'shop', why: 'a flyer' },
        'b.post.md': { expect: ['no-hook'], split: 'test', kind: 'personal', why: 'labelled wrong on purpose' },
      }),
    );
    const drafts = loadQualitySet(dir);
    const results: DraftResult[] = drafts.map((draft) => ({ draft, ...flaggedFamilies(lint(draft.text).diagnostics, draft.text) }));
    assert.deepEqual(results.map((r) => r.got), [['hard-selling', 'no-hook'], []]);
    const score = scoreResults(results);
    const noHook = score.families.find((f) => f.family === 'no-hook')!;
    assert.deepEqual([noHook.truePositives, noHook.falsePositives, noHook.falseNegatives, noHook.precision, noHook.recall], [1, 0, 1, 1, 0.5]);
    assert.equal(score.families.find((f) => f.family === 'length')!.precision, undefined);
    assert.equal(exactLine(score), '1/2 drafts exactly right (50.0%)');
  });

  it('names the file and the key of a bad label', () => {
    const dir = mkdtempSync(join(tmpdir(), 'postlint-quality-'));
    mkdirSync(join(dir, 'zh'));
    writeFileSync(join(dir, 'zh', 'labels.json'), JSON.stringify({ 'x.post.md': { expect: ['hard-sell'], split: 'dev' } }));
    assert.throws(() => loadQualitySet(dir), /zh\/labels\.json: "x\.post\.md": "expect" must list families/);
  });
});

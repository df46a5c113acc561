import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lint } from '../../server/src/engine';
import { REPO_ROOT } from '../helpers/paths';

const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;

function posts(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.post.md'))
    .map((name) => join(dir, name))
    .sort();
}

describe('messages in English and Chinese', () => {
  const files = [...posts(join(REPO_ROOT, 'test', 'fixtures')), ...posts(join(REPO_ROOT, 'examples'))];

  it('reports the same findings in both languages, every message and fix title translated', () => {
    const rules = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const en = lint(text, { locale: 'en' }).diagnostics;
      const zh = lint(text, { locale: 'zh-CN' }).diagnostics;
      const name = relative(REPO_ROOT, file);
      assert.deepEqual(zh.map((d) => [d.rule, d.start, d.end]), en.map((d) => [d.rule, d.start, d.end]), name);
      zh.forEach((d, i) => {
        rules.add(d.rule);
        assert.notEqual(d.message, en[i].message, `${name}: ${d.rule}`);
        assert.match(d.message, CJK, `${name}: ${d.rule}: ${d.message}`);
        d.fixes.forEach((fix, j) => {
          assert.notEqual(fix.title, en[i].fixes[j].title, `${name}: ${d.rule}`);
          assert.match(fix.title, CJK, `${name}: ${d.rule}: ${fix.title}`);
          // The edits are the same: rewrites follow the post's language, not the message language.
          assert.deepEqual(fix.offsetEdits, en[i].fixes[j].offsetEdits, `${name}: ${d.rule}: ${fix.title}`);
        });
      });
    }
    // The check means something only if most rules spoke.
    assert.ok(rules.size >= 10, [...rules].join(', '));
  });
});

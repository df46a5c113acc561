import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lint } from '../../server/src/engine';

const root = join(__dirname, '..', 'fixtures');

function listPosts(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listPosts(path);
    return entry.name.endsWith('.post.md') ? [path] : [];
  });
}

interface Expectations {
  expected: string[];
  clean: string[];
  /** The rules and families the fixture opts in to: only their findings are compared. */
  check: string[];
}

const MARKER = /<!--\s*(expect|expect-line\s+(\d+)|clean|check)\s*:\s*([^>]*?)\s*-->/g;

function readExpectations(text: string): Expectations {
  const result: Expectations = { expected: [], clean: [], check: [] };
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, index) => {
    for (const match of line.matchAll(MARKER)) {
      const names = match[3].split(',').map((s) => s.trim()).filter(Boolean);
      if (match[1] === 'expect') names.forEach((rule) => result.expected.push(`${index + 1}:${rule}`));
      else if (match[2]) names.forEach((rule) => result.expected.push(`${match[2]}:${rule}`));
      else if (match[1] === 'clean') result.clean.push(...names);
      else result.check.push(...names);
    }
  });
  return result;
}

const covers = (list: string[], rule: string) => list.some((name) => rule === name || rule.startsWith(`${name}/`));

describe('fixtures: expected findings sit next to the text', () => {
  const posts = listPosts(root);
  it('has fixtures', () => assert.ok(posts.length > 0, 'no fixtures found'));
  for (const path of posts) {
    it(relative(root, path), () => {
      const text = readFileSync(path, 'utf8');
      const expectations = readExpectations(text);
      // Opting in keeps a fixture about the rules it was written for: a new rule never edits old fixtures.
      assert.ok(expectations.check.length > 0, 'a fixture names the rules or families it checks: <!-- check: rule-or-family, … -->');
      const { diagnostics } = lint(text, {});
      for (const d of diagnostics) {
        if (covers(expectations.clean, d.rule)) assert.fail(`${d.rule} must stay silent but reported line ${d.range.start.line + 1}: ${d.message}`);
      }
      const actual = diagnostics
        .filter((d) => covers(expectations.check, d.rule))
        .map((d) => `${d.range.start.line + 1}:${d.rule}`)
        .sort();
      const expected = expectations.expected.filter((e) => covers(expectations.check, e.split(':')[1])).sort();
      assert.deepEqual(actual, expected, diagnostics.map((d) => `  ${d.range.start.line + 1}:${d.rule} ${d.message}`).join('\n'));
    });
  }
});

// `plainParagraphs` reads a body without markdown-it when every line is plain paragraph text. Wherever
// it answers, its blocks must be exactly markdown-it's; these runs also check that it answers often
// enough to matter, and declines on each kind of line that could open another block.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineIndex } from '../../server/src/engine/parse/lines';
import { parseWithMarkdownIt, plainParagraphs } from '../../server/src/engine/parse/markdown';
import { REPO_ROOT } from '../helpers/paths';
import { document, runs, seedOption } from './arbitraries';

/** Line openings on both sides of every test in `plainParagraphs`, and the break and blank lines between. */
const LINE_START = [
  '', ' ', '  ', '   ', '    ', '\t', ' \t', '#', '##', '# ', '#tag', '#话题#', '*', '* ', '**', '*x*', '***', '-', '- ', '--', '---', '-x', '- x',
  '+', '+ ', '+1', '_', '_ ', '___', '_x_', '=', '==', '=x', '= ', '>', '> ', '<', '<div>', '<!-- a -->', '[', '[a]: /u', '|', '|a|', ':', ':-', ':--|',
  '`', '```', '~', '~~~', '1', '1.', '1. ', '1)', '12345678901.', '3.5', '2024. ', 'a', 'Text', '文字', '\u00a0', '\u3000', '\ufeff', '\u0000', '\f', '\v', '\\',
];
const LINE_REST = ['', ' ', 'a', 'text here', ' - ', ' | ', '---', '===', ':--', '|-|', '`', '  ', '\t', '你好。', '😀', '#', '1.'];
const BREAK = ['\n', '\r\n', '\r', '\n\n', '\n \n', '\n\t\n', '\r\n\r\n'];

const line = fc.tuple(fc.constantFrom(...LINE_START), fc.constantFrom(...LINE_REST), fc.constantFrom(...LINE_REST)).map((parts) => parts.join(''));
const plainish = fc.array(fc.tuple(line, fc.constantFrom(...BREAK)), { maxLength: 8 }).map((pairs) => pairs.flat().join(''));

function sameAsMarkdownIt(text: string, bodyStart = 0): boolean {
  const lines = new LineIndex(text);
  const fast = plainParagraphs(text, bodyStart, lines);
  if (fast === undefined) return false;
  assert.deepEqual(fast, parseWithMarkdownIt(text, bodyStart, lines), JSON.stringify(text));
  return true;
}

describe('property: plain paragraphs without markdown-it', function () {
  this.timeout(0);

  it('finds exactly the blocks markdown-it finds, wherever it answers', () => {
    let answered = 0;
    let total = 0;
    fc.assert(
      fc.property(plainish, fc.nat(3), (text, skip) => {
        total++;
        // A body after front matter starts at a line start; any offset is checked too.
        const bodyStart = Math.min(text.length, skip === 0 ? 0 : text.indexOf('\n') + 1 || skip);
        if (sameAsMarkdownIt(text, bodyStart)) answered++;
      }),
      { numRuns: runs(4_000), ...seedOption() },
    );
    // Both outcomes must be common, or the property says little.
    assert.ok(answered > total * 0.05 && answered < total * 0.95, `answered ${answered} of ${total}`);
  });

  it('agrees on whole generated posts', () => {
    fc.assert(
      fc.property(document, (text) => {
        sameAsMarkdownIt(text);
      }),
      { numRuns: runs(2_000), ...seedOption() },
    );
  });

  it('answers on plain prose and agrees on every example and fixture', () => {
    assert.ok(sameAsMarkdownIt('We shipped it.\nTwo lines.\n\n   Third paragraph #launch\n\n'));
    assert.ok(sameAsMarkdownIt('新品上市！\r\n\r\n-限时 *九折*\r\n'));
    for (const declined of ['# Title\n', 'a\n---\n', '- item\n', '1. one\n', '> quote\n', '    code\n', '```\nx\n```\n', '<div>\n', '[a]: /u\n', 'a|b\n-|-\n']) {
      assert.equal(plainParagraphs(declined, 0, new LineIndex(declined)), undefined, JSON.stringify(declined));
    }
    const folders = [join(REPO_ROOT, 'examples'), ...['en', 'zh', 'mixed'].map((lang) => join(REPO_ROOT, 'test', 'fixtures', lang))];
    for (const folder of folders) {
      for (const name of readdirSync(folder).filter((n) => n.endsWith('.md'))) sameAsMarkdownIt(readFileSync(join(folder, name), 'utf8'));
    }
  });
});

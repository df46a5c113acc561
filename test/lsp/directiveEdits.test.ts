import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/engine/fixes';
import { parsePost } from '../../server/src/engine/parse/post';
import { disableFileEdit, disableNextLineEdit } from '../../server/src/lsp/directiveEdits';

function disableLine(text: string, line: number, rule: string): string | null {
  const edit = disableNextLineEdit(parsePost(text), line, rule);
  return edit && applyEdits(text, [edit]);
}

function disableFile(text: string, rule: string): string | null {
  const edit = disableFileEdit(parsePost(text), rule);
  return edit && applyEdits(text, [edit]);
}

describe('directive edits', () => {
  it('inserts a disable-next-line comment with the line\'s indentation and line ending', () => {
    assert.equal(disableLine('Intro.\r\n  - Buy now!\r\n', 1, 'hard-selling'), 'Intro.\r\n  <!-- postlint-disable-next-line hard-selling -->\r\n  - Buy now!\r\n');
  });

  it('adds the rule to a disable-next-line comment already above, before its reason', () => {
    const text = '<!-- postlint-disable-next-line formatting -- quoting a customer -->\nBuy now!!!\n';
    assert.equal(disableLine(text, 1, 'hard-selling'), '<!-- postlint-disable-next-line formatting hard-selling -- quoting a customer -->\nBuy now!!!\n');
    assert.equal(disableLine(text, 1, 'formatting/punctuation'), null);
    assert.equal(disableLine('<!-- postlint-disable-next-line -->\nBuy now!\n', 1, 'hard-selling'), null);
  });

  it('never writes inside the front matter', () => {
    assert.equal(disableLine('---\nplatform: nowhere\n---\nHello.\n', 1, 'formatting/front-matter'), null);
  });

  it('puts disable-file after the front matter and the BOM, or extends the one there', () => {
    assert.equal(disableFile('\ufeff---\nplatform: x\n---\nHello.\n', 'no-media'), '\ufeff---\nplatform: x\n---\n<!-- postlint-disable-file no-media -->\nHello.\n');
    assert.equal(disableFile('\ufeffHello.\n', 'no-media'), '\ufeff<!-- postlint-disable-file no-media -->\nHello.\n');
    assert.equal(disableFile('---\nplatform: x\n---', 'no-media'), '---\nplatform: x\n---\n<!-- postlint-disable-file no-media -->\n');
    assert.equal(
      disableFile('---\nplatform: x\n---\n<!-- postlint-disable-file no-media -->\nHello.\n', 'no-hook'),
      '---\nplatform: x\n---\n<!-- postlint-disable-file no-media no-hook -->\nHello.\n',
    );
  });
});

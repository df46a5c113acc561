import assert from 'node:assert/strict';
import { lint, type Diagnostic, type PostlintSettings } from '../../server/src/engine';

// A team pattern gives findings exactly where the test wants them: every "ZAP" (formatting/pattern)
// and every "SELL" (filed under hard-selling), and nothing from other rules is asserted on.
const SETTINGS: PostlintSettings = {
  patterns: [
    { pattern: 'ZAP', message: 'zap' },
    { pattern: 'SELL', message: 'sell', rule: 'hard-selling' },
  ],
};

/** Which lines (0-based) still have a ZAP or SELL finding, as "line:rule". */
function remaining(text: string, settings: PostlintSettings = SETTINGS): string[] {
  return lint(text, settings)
    .diagnostics.filter((d) => d.message === 'zap' || d.message === 'sell')
    .map((d) => `${d.range.start.line}:${d.rule}`);
}

function directiveFindings(text: string, settings: PostlintSettings = SETTINGS): Diagnostic[] {
  return lint(text, settings).diagnostics.filter((d) => d.rule === 'formatting/directive');
}

describe('inline directives', () => {
  it('disable-next-line silences the next line only', () => {
    const text = ['ZAP', '<!-- postlint-disable-next-line -->', 'ZAP SELL', 'ZAP'].join('\n');
    assert.deepEqual(remaining(text), ['0:formatting/pattern', '3:formatting/pattern']);
  });

  it('a family id silences its whole family, a rule id only that rule', () => {
    const byFamily = ['<!-- postlint-disable-next-line formatting -->', 'ZAP SELL'].join('\n');
    assert.deepEqual(remaining(byFamily), ['1:hard-selling']);
    const byRule = ['<!-- postlint-disable-next-line hard-selling -->', 'ZAP SELL'].join('\n');
    assert.deepEqual(remaining(byRule), ['1:formatting/pattern']);
    const both = ['<!-- postlint-disable-next-line formatting/pattern, hard-selling -->', 'ZAP SELL'].join('\n');
    assert.deepEqual(remaining(both), []);
  });

  it('disable … enable silences a stretch; the directive that last named a rule decides', () => {
    const text = [
      'ZAP SELL',
      '<!-- postlint-disable -->',
      'ZAP SELL',
      '<!-- postlint-enable hard-selling -->',
      'ZAP SELL',
      '<!-- postlint-enable -->',
      'ZAP SELL',
      '<!-- postlint-disable formatting -->',
      '<!-- postlint-enable formatting/pattern -->',
      'ZAP SELL',
    ].join('\n');
    assert.deepEqual(remaining(text), [
      '0:formatting/pattern', '0:hard-selling',
      '4:hard-selling',
      '6:formatting/pattern', '6:hard-selling',
      '9:formatting/pattern', '9:hard-selling',
    ]);
  });

  it('disable-file silences the whole post wherever it stands, and enable does not undo it', () => {
    const text = ['ZAP SELL', '<!-- postlint-enable -->', 'ZAP SELL', '<!-- postlint-disable-file hard-selling -- launch week -->'].join('\n');
    assert.deepEqual(remaining(text), ['0:formatting/pattern', '2:formatting/pattern']);
  });

  it('reads directives in CRLF posts, after front matter, across lines and with a reason', () => {
    const text = '---\r\nplatform: x\r\n---\r\n<!--\r\n  postlint-disable-next-line hard-selling\r\n  -- the client insisted\r\n-->\r\nSELL ZAP\r\n';
    assert.deepEqual(remaining(text), ['7:formatting/pattern']);
    assert.deepEqual(directiveFindings(text, { ...SETTINGS, requireDisableReason: true }), []);
  });

  it('ignores directives shown inside code blocks', () => {
    const text = ['```', '<!-- postlint-disable -->', '```', 'ZAP'].join('\n');
    assert.deepEqual(remaining(text), ['3:formatting/pattern']);
  });

  it('has the last word over front matter and settings', () => {
    const text = ['---', 'postlint:', '  rules:', '    formatting/pattern: error', '---', '<!-- postlint-disable-next-line formatting/pattern -->', 'ZAP', 'ZAP'].join('\n');
    const findings = lint(text, { ...SETTINGS, rules: { 'formatting/pattern': 'hint' } }).diagnostics.filter((d) => d.message === 'zap');
    assert.deepEqual(findings.map((d) => [d.range.start.line, d.severity]), [[7, 'error']]);
  });

  describe('formatting/directive', () => {
    it('reports an unknown rule id on the id, with the likely one as a fix, and it silences nothing', () => {
      const text = '<!-- postlint-disable-next-line hard-seling -->\nSELL';
      const [finding] = directiveFindings(text);
      assert.equal(text.slice(finding.start, finding.end), 'hard-seling');
      assert.equal(finding.message, '"hard-seling" is not a postlint rule or family, so this directive does not silence it. Did you mean "hard-selling"?');
      assert.deepEqual(finding.fixes[0].offsetEdits, [{ start: finding.start, end: finding.end, newText: 'hard-selling' }]);
      assert.deepEqual(remaining(text), ['1:hard-selling']);
      assert.deepEqual(directiveFindings('<!-- postlint-disable-next-line qwertyuiop -->\nSELL')[0].fixes, []);
    });

    it('reports a misspelt directive', () => {
      const text = '<!-- postlint-disabel-next-line -->\nZAP';
      const [finding] = directiveFindings(text);
      assert.match(finding.message, /^"postlint-disabel-next-line" is not a postlint directive, so it silences nothing; use postlint-disable, postlint-enable/);
      assert.deepEqual(remaining(text), ['1:formatting/pattern']);
    });

    it('asks for a reason only when postlint.requireDisableReason is on, and never for enable', () => {
      const text = ['<!-- postlint-disable -->', 'ZAP', '<!-- postlint-enable -->', '<!-- postlint-disable-file hard-selling -- -->', 'SELL'].join('\n');
      assert.deepEqual(directiveFindings(text), []);
      const findings = directiveFindings(text, { ...SETTINGS, requireDisableReason: true });
      assert.deepEqual(findings.map((d) => d.range.start.line), [0, 3]);
      assert.match(findings[0].message, /^This postlint-disable gives no reason; add "-- why" before "-->"/);
    });

    it('cannot be silenced by the directives it is about, only by settings or front matter', () => {
      const text = ['<!-- postlint-disable-file -->', '<!-- postlint-disable -->', 'ZAP'].join('\n');
      assert.equal(directiveFindings(text, { ...SETTINGS, requireDisableReason: true }).length, 2);
      assert.deepEqual(directiveFindings(text, { ...SETTINGS, requireDisableReason: true, rules: { 'formatting/directive': 'off' } }), []);
    });

    it('speaks Chinese', () => {
      const [finding] = directiveFindings('<!-- postlint-disable -->\n买买买', { requireDisableReason: true, locale: 'zh-CN' });
      assert.match(finding.message, /^这条 postlint-disable 没写理由/);
    });
  });
});

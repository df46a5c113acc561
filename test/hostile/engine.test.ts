// Hostile input through the engine. No timing assertions: each case is bounded by structure, since a
// check that goes quadratic on these sizes does not finish within mocha's timeout.
import assert from 'node:assert/strict';
import { lint, type LintOutput } from '../../server/src/engine';
import { MAX_FINDINGS_PER_RULE } from '../../server/src/engine/lint';
import { MAX_YAML_ERRORS } from '../../server/src/engine/parse/frontMatter';
import { assertWellFormed } from '../property/invariants';
import { deeplyNested, repeatTo, REPEATED_TOKENS } from './shapes';

const MB = 1024 * 1024;
const BODY = '\n我们今天发布了新版本，三个月的用户访谈都在里面。你们最想先试哪个功能？\n';

function lintChecked(text: string, settings = {}): LintOutput {
  const output = lint(text, settings);
  assertWellFormed(text, output);
  return output;
}

function frontMatterFindings(output: LintOutput) {
  return output.diagnostics.filter((d) => d.rule === 'formatting/front-matter');
}

describe('hostile input: the engine always answers', () => {
  describe('file size (postlint.maxFileSize)', () => {
    it('gives a 10 MB post one information finding instead of a full lint', () => {
      const text = repeatTo('We shipped it. 立即下单！👨‍👩‍👧‍👦 https://example.com\n', 10 * MB);
      const output = lintChecked(text);
      assert.deepEqual(
        output.diagnostics.map((d) => [d.rule, d.severity, d.start, d.end]),
        [['length/file-size', 'information', 0, 1]],
      );
      assert.match(output.diagnostics[0].message, /^This file is \d+(\.\d)? MB, over postlint\.maxFileSize \(1 MB\)/);
      assert.deepEqual(output.stats.platforms, [], 'nothing is counted');
      assert.match(lint(text, { locale: 'zh-CN' }).diagnostics[0].message, /^这个文件有 .* MB，超过了 postlint\.maxFileSize（1 MB）/);
    });

    it('counts UTF-8 bytes, as the file takes on disk', () => {
      const settings = { maxFileSize: 30 };
      assert.ok(!lint('汉'.repeat(10), settings).diagnostics.some((d) => d.rule === 'length/file-size'), '30 bytes fit in 30');
      assert.ok(lint(`${'汉'.repeat(10)}a`, settings).diagnostics.some((d) => d.rule === 'length/file-size'), '31 bytes do not');
      assert.ok(!lint('😀'.repeat(7), settings).diagnostics.some((d) => d.rule === 'length/file-size'), 'an emoji is 4 bytes, not 6');
    });

    it('skips the finding but still not the file when the rule is off, and lints everything when the limit is raised', () => {
      const text = repeatTo('立即下单！', 1_000_000); // 3 MB in UTF-8
      assert.deepEqual(lint(text, { rules: { 'length/file-size': 'off' } }).diagnostics, []);
      const settings = { maxFileSize: 4 * MB };
      const output = lintChecked(text, settings);
      assert.ok(output.diagnostics.some((d) => d.rule === 'hard-selling') && output.diagnostics.some((d) => d.rule === 'length'), 'the rules ran');
      assert.ok(!output.diagnostics.some((d) => d.rule === 'length/file-size'));
    });

    it('names a wrong maxFileSize and falls back to 1 MB', () => {
      const output = lint('Short post.', { maxFileSize: 'big' as unknown as number });
      assert.ok(output.configProblems.some((p) => p.key === 'postlint.maxFileSize'), JSON.stringify(output.configProblems));
      assert.ok(lint(repeatTo('a', MB + 1), { maxFileSize: -5 }).diagnostics.some((d) => d.rule === 'length/file-size'));
    });
  });

  it('lints a single line of one million characters', () => {
    const line = repeatTo('We shipped 新版本 👍🏽 at https://example.com/a?b=c — 立即下单 ', 1_000_000).replace(/\n/g, ' ');
    const output = lintChecked(line, { maxFileSize: 8 * MB });
    assert.equal(output.ruleFailures.length, 0);
    assert.ok(output.diagnostics.some((d) => d.rule === 'length'), 'it is far too long for X');
  });

  it(`reports at most ${MAX_FINDINGS_PER_RULE} findings per rule, however many phrases a post repeats`, () => {
    const output = lintChecked(repeatTo('立即下单', 200_000));
    const selling = output.diagnostics.filter((d) => d.rule === 'hard-selling').length;
    assert.equal(selling, MAX_FINDINGS_PER_RULE, `${selling} hard-selling findings for 50,000 phrases`);
  });

  describe('front matter', () => {
    const keys = (count: number) => Array.from({ length: count }, (_, i) => `key${i}: value ${i}`).join('\n');

    it('reads 100 KB of valid front matter and still honours its platform', () => {
      const text = `---\n${keys(7000)}\nplatform: weibo\n---\n${BODY}`;
      assert.ok(text.length > 100_000);
      const output = lintChecked(text);
      assert.equal(output.stats.platform, 'weibo');
      assert.deepEqual(frontMatterFindings(output), []);
    });

    it(`reports at most ${MAX_YAML_ERRORS} errors for 100 KB of broken YAML, and lints the body`, () => {
      const broken = Array.from({ length: 5000 }, (_, i) => `key${i}: [unclosed ${i}\n\tbad: "x`).join('\n');
      const output = lintChecked(`---\n${broken}\n---\n${BODY}`);
      const findings = frontMatterFindings(output);
      assert.ok(findings.length >= 1 && findings.length <= MAX_YAML_ERRORS, `${findings.length} findings`);
      assert.ok(output.diagnostics.some((d) => d.rule.startsWith('no-media')), 'the body was linted');
    });

    it('treats 100 KB of unterminated front matter as body text', () => {
      lintChecked(`---\n${keys(7000)}\n${BODY}`);
    });

    it('stops a YAML alias bomb (billion laughs) with a finding, and ignores what it would have set', () => {
      const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (let i = 1; i < 10; i++) {
        const name = String.fromCharCode(97 + i);
        levels.push(`${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
      }
      const output = lintChecked(`---\nplatform: weibo\n${levels.join('\n')}\n---\n${BODY}`);
      const findings = frontMatterFindings(output);
      assert.equal(findings.length, 1);
      assert.match(findings[0].message, /alias/i);
      assert.equal(output.stats.platform, 'x', 'the unreadable front matter sets nothing');
    });

    it('answers front matter nested 50,000 levels deep', () => {
      const output = lintChecked(`---\nx: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n---\n${BODY}`);
      const findings = frontMatterFindings(output).length;
      assert.ok(findings >= 1 && findings <= MAX_YAML_ERRORS, `${findings} findings`);
    });
  });

  describe('deeply nested Markdown (10,000 levels)', () => {
    for (const [name, text] of Object.entries(deeplyNested(10_000))) {
      it(name, () => {
        lintChecked(text);
      });
    }
  });

  describe('one token repeated to 50 KB (a quadratic check would not finish)', () => {
    const size = Number(process.env.HOSTILE_SIZE) || 50_000;
    const settings = { maxFileSize: 64 * MB };
    for (const token of REPEATED_TOKENS) {
      it(JSON.stringify(token), () => {
        lintChecked(repeatTo(token, size), settings);
      });
    }
  });
});

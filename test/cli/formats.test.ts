import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { escapeData, escapeProperty } from '../../server/src/cli/formatters/github';
import { RULES } from '../../server/src/engine/rules';
import { runCli } from '../helpers/cli';
import { REPO_ROOT } from '../helpers/paths';

// The OASIS SARIF 2.1.0 schema (draft-04), as Microsoft's SARIF test matchers ship it.
const SARIF_SCHEMA = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;

const LONG = `${'We rebuilt onboarding this quarter and learned a lot about what new teams need. '.repeat(5)}Buy now!!!`;
const ZH = `${'我们花了三个月，把每一条帖子都当成一次对话来写。'.repeat(7)}立即购买！！！`;

interface JsonDiagnostic {
  rule: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  fixes: { title: string; preferred: boolean; edits: { range: unknown; newText: string }[] }[];
}

const roots: string[] = [];
after(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'postlint-formats-'));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

describe('CLI output formats (dist/cli.js as a child process)', () => {
  it('writes SARIF 2.1.0 that validates against the official schema, with rules, locations and fixes', () => {
    const run = runCli(['test/fixtures', '--format', 'sarif'], { cwd: REPO_ROOT });
    const log = JSON.parse(run.stdout) as Sarif.Log;
    // The schema's language-tag pattern is not valid with the `u` flag; its formats (uri, date-time) are checked.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(SARIF_SCHEMA);
    assert.ok(validate(log), ajv.errorsText(validate.errors));

    const [sarifRun] = log.runs;
    assert.equal(sarifRun.columnKind, 'utf16CodeUnits');
    assert.deepEqual(sarifRun.tool.driver.rules!.map((r) => r.id), RULES.map((r) => r.meta.id));
    // Every rule's help link opens its page as shipped with this install.
    for (const rule of sarifRun.tool.driver.rules!) {
      assert.ok(rule.helpUri?.startsWith('file:'), `${rule.id}: ${rule.helpUri}`);
      assert.ok(existsSync(fileURLToPath(rule.helpUri!)), `${rule.id}: no page at ${rule.helpUri}`);
    }
    const json = JSON.parse(runCli(['test/fixtures', '--format', 'json'], { cwd: REPO_ROOT }).stdout) as { file: string; diagnostics: JsonDiagnostic[] }[];
    const expected = json.flatMap((f) => f.diagnostics.map((d) => ({ file: f.file, d })));
    const results = sarifRun.results!;
    assert.equal(results.length, expected.length);
    results.forEach((result, i) => {
      const { file, d } = expected[i];
      assert.equal(result.ruleId, d.rule);
      assert.equal(sarifRun.tool.driver.rules![result.ruleIndex!].id, d.rule);
      const location = result.locations![0].physicalLocation!;
      assert.equal(decodeURIComponent(location.artifactLocation!.uri!), file);
      assert.deepEqual(location.region, { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 });
      assert.deepEqual(
        (result.fixes ?? []).map((f) => f.description!.text),
        d.fixes.map((f) => f.title),
      );
    });
    assert.ok(results.some((r) => r.fixes?.some((f) => f.artifactChanges[0].replacements.length > 0)));
  });

  it('writes a valid, empty SARIF run when nothing is found', () => {
    const root = workspace({ 'clean.post.md': '' });
    const log = JSON.parse(runCli(['clean.post.md', '--format', 'sarif'], { cwd: root }).stdout) as Sarif.Log;
    assert.deepEqual(log.runs[0].results, []);
  });

  it('prints GitHub workflow commands with 1-based columns and escaped properties', () => {
    const root = workspace({ 'drafts/a,b:c.post.md': `${LONG}\n` });
    const run = runCli(['drafts', '--format', 'github'], { cwd: root });
    assert.equal(run.status, 1);
    const json = JSON.parse(runCli(['drafts', '--format', 'json'], { cwd: root }).stdout) as { diagnostics: JsonDiagnostic[] }[];
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.length, json[0].diagnostics.length);
    const length = json[0].diagnostics.find((d) => d.rule === 'length')!;
    const line = lines.find((l) => l.includes('title=postlint length::'))!;
    assert.equal(
      line,
      `::error file=drafts/a%2Cb%3Ac.post.md,line=1,col=${length.range.start.character + 1},endLine=1,endColumn=${length.range.end.character + 1},title=postlint length::${length.message}`,
    );
    assert.ok(lines.every((l) => /^::(error|warning|notice) file=/.test(l)));
  });

  it('escapes workflow-command data and properties as the Actions runner expects', () => {
    assert.equal(escapeData('50% off\r\nnow'), '50%25 off%0D%0Anow');
    assert.equal(escapeProperty('a,b:c%'), 'a%2Cb%3Ac%25');
  });

  it('gives every JSON diagnostic its fixes, each a fix or a suggestion, at most one preferred and never a suggestion', () => {
    const root = workspace({ 'a.post.md': `${LONG}\n` });
    const [file] = JSON.parse(runCli(['a.post.md', '--format', 'json'], { cwd: root }).stdout) as { diagnostics: JsonDiagnostic[] }[];
    const fixable = file.diagnostics.filter((d) => d.fixes.length > 0);
    assert.ok(fixable.some((d) => d.rule === 'length' && d.fixes[0].title.startsWith('Split into a thread')));
    for (const d of fixable) {
      assert.ok(d.fixes.filter((f) => f.preferred).length <= 1, d.rule);
      for (const f of d.fixes as { kind?: string; preferred: boolean }[]) {
        assert.ok(f.kind === 'fix' || f.kind === 'suggestion', d.rule);
        if (f.kind === 'suggestion') assert.equal(f.preferred, false, d.rule);
      }
    }
  });

  it('speaks English or Chinese with --locale, for the same post', () => {
    const root = workspace({ 'en.post.md': `${LONG}\n`, 'zh.post.md': `${ZH}\n` });
    for (const post of ['en.post.md', 'zh.post.md']) {
      const en = JSON.parse(runCli([post, '--format', 'json', '--locale', 'en'], { cwd: root }).stdout) as { diagnostics: JsonDiagnostic[] }[];
      const zh = JSON.parse(runCli([post, '--format', 'json', '--locale', 'zh-CN'], { cwd: root }).stdout) as { diagnostics: JsonDiagnostic[] }[];
      assert.equal(en[0].diagnostics.length, zh[0].diagnostics.length);
      assert.ok(en[0].diagnostics.length > 2);
      en[0].diagnostics.forEach((d, i) => {
        const other = zh[0].diagnostics[i];
        assert.equal(other.rule, d.rule);
        assert.notEqual(other.message, d.message);
        assert.match(other.message, /[\u4e00-\u9fff]/, other.message);
        other.fixes.forEach((f) => assert.match(f.title, /[\u4e00-\u9fff]/, f.title));
        // Rewrites stay in the post's language whatever the message language.
        assert.deepEqual(other.fixes.map((f) => f.edits), d.fixes.map((f) => f.edits));
      });
    }
    const summary = runCli(['en.post.md', '--locale', 'zh-CN'], { cwd: root }).stdout;
    assert.match(summary, /检查了 1 个文件/);
  });
});

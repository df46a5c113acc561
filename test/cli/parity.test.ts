// The editor and CI must agree: the same posts and the same workspace settings (word lists and
// patterns included) go to the language server and to the CLI, and both report the same findings.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver-protocol';
import { runCli } from '../helpers/cli';
import { postlintOnly, TestLspClient } from '../helpers/lspClient';
import { REPO_ROOT } from '../helpers/paths';
import { tempWorkspace, type CliJsonFile } from '../helpers/workspace';

/** What a team commits in `.vscode/settings.json`, as flat VS Code keys. */
const WORKSPACE_SETTINGS: Record<string, unknown> = {
  'postlint.platform': 'weibo',
  'postlint.rules': { 'hard-selling': 'error', 'no-media': 'hint', 'formatting/pattern': 'information' },
  'postlint.words.allow': ['Acme Deals'],
  'postlint.words.hardSelling': [{ phrase: 'act fast', rewrite: 'take a look' }],
  'postlint.wordLists': ['lists/brand.yaml'],
  'postlint.patterns': [
    { pattern: '\\bandroid\\b', message: 'Write Android with a capital A.', rewrite: 'Android' },
    { pattern: '全网最低', message: '不要比价，说清楚读者能得到什么。', rule: 'hard-selling' },
  ],
  'postlint.requireDisableReason': true,
};

const WORD_LIST = 'hardSelling:\n  - phrase: grab yours\n    rewrite: have a look\nallow:\n  - android beta\n';

const CRAFTED: Record<string, string> = {
  'drafts/en.post.md': '---\nplatform: [x, bluesky]\n---\nAcme Deals 2.0 is out for android. Act fast and grab yours!\n\nWhat would you try first?\n',
  'drafts/zh.post.md': '---\npostlint:\n  rules:\n    no-media: warning\n---\n全网最低价！👨‍👩‍👧 新品上市，限时抢购。\r\n\r\n<!-- postlint-disable-next-line hard-selling -->\r\n立即购买，错过再等一年！\r\n',
  'drafts/directives.post.md': '\uFEFF<!-- postlint-disable-file no-media -- text-only teaser -->\nThe android beta is open. <!-- postlint-disable hard-seling -->Buy now!\n',
};

/**
 * The object VS Code's `getConfiguration('postlint')` hands the server: every contributed default,
 * overlaid with the workspace's values, nested at the dots (`words.allow` → `{ words: { allow } }`).
 */
function vscodeConfiguration(workspace: Record<string, unknown>): Record<string, unknown> {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { default?: unknown }> } } };
  const flat: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(manifest.contributes.configuration.properties)) flat[key] = spec.default;
  Object.assign(flat, workspace);
  const nested: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const path = key.replace(/^postlint\./, '').split('.');
    let target = nested;
    for (const part of path.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
    target[path[path.length - 1]] = value;
  }
  return nested;
}

const LSP_SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

interface Comparable {
  rule: string;
  severity: string;
  message: string;
  range: string;
}

const byPosition = (a: Comparable, b: Comparable) => a.range.localeCompare(b.range) || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message);
const rangeKey = (r: LspDiagnostic['range']) => `${String(r.start.line).padStart(4, '0')}:${String(r.start.character).padStart(5, '0')}-${r.end.line}:${r.end.character}`;

describe('CLI and language server agree (parity)', function () {
  this.timeout(60000);

  it('finds the same rules, ranges, severities and messages for the same posts and settings', async () => {
    const examples = Object.fromEntries(readdirSync(join(REPO_ROOT, 'examples')).filter((f) => f.endsWith('.post.md')).map((f) => [`drafts/examples/${f}`, readFileSync(join(REPO_ROOT, 'examples', f), 'utf8')]));
    const posts = { ...CRAFTED, ...examples };
    const root = tempWorkspace({ '.vscode/settings.json': JSON.stringify(WORKSPACE_SETTINGS, null, 2), 'lists/brand.yaml': WORD_LIST, ...posts }, 'postlint-parity-');

    const cli = runCli(['drafts', '--format', 'json'], { cwd: root });
    assert.equal(cli.stderr, '', 'the settings are valid, so the CLI has nothing to warn about');
    const fromCli = new Map((JSON.parse(cli.stdout) as CliJsonFile[]).map((f) => [f.file, f.diagnostics]));

    const folder = pathToFileURL(root).href;
    const client = new TestLspClient({ settings: vscodeConfiguration(WORKSPACE_SETTINGS), workspaceFolders: [{ uri: folder, name: 'parity' }] });
    try {
      await client.initialize();
      for (const [name, text] of Object.entries(posts)) client.open(`${folder}/${name}`, text);
      let compared = 0;
      for (const name of Object.keys(posts)) {
        const lsp = postlintOnly(await client.diagnosticsFor(`${folder}/${name}`, 1)).map((d): Comparable => ({
          rule: String(d.code),
          severity: LSP_SEVERITY[d.severity ?? 0],
          message: typeof d.message === 'string' ? d.message : d.message.value,
          range: rangeKey(d.range),
        }));
        const cliFindings = fromCli.get(name);
        assert.ok(cliFindings, `the CLI did not lint ${name}`);
        const expected = cliFindings.map((d) => ({ rule: d.rule, severity: d.severity, message: (d as { platform?: string }).platform ? `[${(d as { platform?: string }).platform}] ${d.message}` : d.message, range: rangeKey(d.range) }));
        assert.deepEqual(lsp.sort(byPosition), expected.sort(byPosition), name);
        compared += expected.length;
      }
      // The crafted posts exercise each layer, so agreement is about real findings, not empty lists.
      const rules = new Set([...fromCli.values()].flat().map((d) => d.rule));
      for (const rule of ['formatting/pattern', 'formatting/directive', 'hard-selling', 'no-media']) assert.ok(rules.has(rule), `no ${rule} finding to compare`);
      assert.ok(compared >= 15, `only ${compared} findings compared`);
    } finally {
      await client.shutdown();
    }
  });
});

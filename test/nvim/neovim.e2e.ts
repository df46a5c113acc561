// The built language server outside VS Code: headless Neovim's own LSP client attaches
// `dist/server.js --stdio` to every example and fixture post, and must receive the same findings
// (rule, severity, UTF-16 range) as `postlint --format json` reports for the same files and
// settings; Neovim's own diagnostics must sit on the same text (it converts to byte columns).
// Needs Debian's `neovim` (`npm run test:e2e` installs it); run by `npm run test:e2e`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { globSync } from 'tinyglobby';

const REPO_ROOT = resolve(__dirname, '..', '..');
const NVIM = process.env.POSTLINT_NVIM ?? 'nvim';
const SEVERITIES = ['error', 'warning', 'information', 'hint'];
/** Both clients get these; the CLI as a settings file, Neovim as its LSP `settings`. */
const SETTINGS = { platform: 'x', locale: 'en' };

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface CliFile {
  file: string;
  diagnostics: { rule: string; severity: string; range: Range }[];
}
interface NeovimFile {
  file: string;
  arrived: boolean;
  lsp: { code: string; severity: number; range: Range }[];
  shown: { code: string; severity: number; lnum: number; col: number; end_lnum: number; end_col: number }[];
}

const finding = (code: string, severity: string, r: Range) => `${code} ${severity} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

/** A UTF-16 position as the byte column Neovim uses on that line. */
function byteColumn(lines: string[], line: number, character: number): number {
  return Buffer.byteLength((lines[line] ?? '').slice(0, character), 'utf8');
}

describe('Neovim as a second LSP client (dist/server.js --stdio)', function () {
  this.timeout(120_000);
  let work: string;
  before(() => {
    const version = spawnSync(NVIM, ['--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0, `Neovim is needed (apt-get install neovim, or set POSTLINT_NVIM): ${version.error?.message ?? version.stderr}`);
    work = mkdtempSync(join(tmpdir(), 'postlint-nvim-'));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('receives the same findings as the CLI for every example and fixture post', () => {
    const files = globSync(['examples/*.post.md', 'test/fixtures/**/*.post.md', 'test/e2e/workspaces/folder/*.post.md'], { cwd: REPO_ROOT, absolute: true }).sort();
    assert.ok(files.length > 10, `posts to check: ${files.length}`);

    const settingsFile = join(work, 'settings.json');
    writeFileSync(settingsFile, JSON.stringify(Object.fromEntries(Object.entries(SETTINGS).map(([key, value]) => [`postlint.${key}`, value]))));
    const cli = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), '--format', 'json', '--config', settingsFile, '--exit-zero', ...files], { encoding: 'utf8', cwd: REPO_ROOT });
    assert.equal(cli.status, 0, cli.stderr);
    const cliFiles = new Map((JSON.parse(cli.stdout) as CliFile[]).map((f) => [resolve(REPO_ROOT, f.file), f]));

    const out = join(work, 'neovim.json');
    const jobFile = join(work, 'job.json');
    writeFileSync(jobFile, JSON.stringify({ server: join(REPO_ROOT, 'dist', 'server.js'), root: REPO_ROOT, settings: { postlint: SETTINGS }, files, out }));
    const nvim = spawnSync(NVIM, ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${join(__dirname, 'lsp.lua')}`], {
      encoding: 'utf8',
      env: { ...process.env, POSTLINT_NVIM_JOB: jobFile },
      timeout: 100_000,
    });
    assert.equal(nvim.status, 0, `nvim exited with ${nvim.status}: ${nvim.stderr}${nvim.error?.message ?? ''}`);
    const neovimFiles = JSON.parse(readFileSync(out, 'utf8')) as NeovimFile[];
    assert.equal(neovimFiles.length, files.length);

    let findings = 0;
    for (const received of neovimFiles) {
      const name = relative(REPO_ROOT, received.file);
      assert.ok(received.arrived, `${name}: no diagnostics arrived in Neovim`);
      const expected = cliFiles.get(received.file);
      assert.ok(expected, `${name}: missing from the CLI output`);
      const fromCli = expected.diagnostics.map((d) => finding(d.rule, d.severity, d.range)).sort();
      const fromLsp = received.lsp.map((d) => finding(d.code, SEVERITIES[d.severity - 1], d.range)).sort();
      assert.deepEqual(fromLsp, fromCli, `${name}: the server's notification differs from the CLI`);

      const lines = readFileSync(received.file, 'utf8').split(/\r?\n/);
      const inBytes = ({ code, severity, range: r }: { code: string; severity: number; range: Range }) =>
        `${code} ${severity} ${r.start.line}:${byteColumn(lines, r.start.line, r.start.character)}-${r.end.line}:${byteColumn(lines, r.end.line, r.end.character)}`;
      const shown = received.shown.map((d) => `${d.code} ${d.severity} ${d.lnum}:${d.col}-${d.end_lnum}:${d.end_col}`).sort();
      assert.deepEqual(shown, received.lsp.map(inBytes).sort(), `${name}: Neovim shows the findings elsewhere`);
      findings += fromCli.length;
    }
    assert.ok(findings > 0, 'the posts produced findings to compare');
  });
});

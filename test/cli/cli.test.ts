import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';

const OVER_X = `${'We rebuilt onboarding and learned what new teams need. '.repeat(6)}What do you think?\n\n![A screenshot](a.png)\n`;
const SHORT = 'A short post. What do you think?\n\n![A screenshot](a.png)\n';

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'postlint-cli-'));
  for (const [name, text] of Object.entries(files)) {
    const path = join(root, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  }
  return root;
}

interface JsonFile {
  file: string;
  platform: string;
  stats: { length: number; limit: number; fold?: number };
  diagnostics: { rule: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
}

describe('CLI (dist/cli.js as a child process)', () => {
  it('lints every *.post.md below a folder and exits 1 on error findings', () => {
    const root = workspace({ 'drafts/a.post.md': OVER_X, 'drafts/nested/b.post.md': SHORT, 'drafts/notes.md': OVER_X });
    const run = runCli(['drafts', '--format', 'json'], { cwd: root });
    assert.equal(run.status, 1, run.stderr);
    const files = JSON.parse(run.stdout) as JsonFile[];
    assert.deepEqual(files.map((f) => f.file).sort(), ['drafts/a.post.md', 'drafts/nested/b.post.md']);
    const a = files.find((f) => f.file === 'drafts/a.post.md')!;
    assert.equal(a.platform, 'x');
    assert.equal(a.stats.limit, 280);
    const length = a.diagnostics.find((d) => d.rule === 'length')!;
    assert.equal(length.severity, 'error');
    assert.match(length.message, new RegExp(`^${a.stats.length}/280`));
    assert.deepEqual(Object.keys(length.range.start), ['line', 'character']);
  });

  it('exits 0 when nothing is an error, and with --exit-zero even when something is', () => {
    const root = workspace({ 'a.post.md': SHORT, 'b.post.md': OVER_X });
    assert.equal(runCli(['a.post.md'], { cwd: root }).status, 0);
    assert.equal(runCli(['b.post.md'], { cwd: root }).status, 1);
    assert.equal(runCli(['b.post.md', '--exit-zero'], { cwd: root }).status, 0);
  });

  it('takes globs and --platform', () => {
    const root = workspace({ 'x/a.post.md': OVER_X, 'x/b.post.md': SHORT });
    const run = runCli(['x/*.post.md', '--platform', 'linkedin', '--format', 'json'], { cwd: root });
    const files = JSON.parse(run.stdout) as JsonFile[];
    assert.equal(files.length, 2);
    assert.ok(files.every((f) => f.platform === 'linkedin' && f.stats.limit === 3000 && f.stats.fold === 210));
  });

  it('exits 2 with a message naming an unknown platform or format', () => {
    const root = workspace({ 'a.post.md': SHORT });
    const platform = runCli(['a.post.md', '--platform', 'myspace'], { cwd: root });
    assert.equal(platform.status, 2);
    assert.match(platform.stderr, /Unknown platform "myspace"; expected one of x, weibo/);
    const format = runCli(['a.post.md', '--format', 'xml'], { cwd: root });
    assert.equal(format.status, 2);
    assert.match(format.stderr, /Unknown format "xml"/);
  });

  it('reads postlint.* from the nearest .vscode/settings.json (JSONC) above each file', () => {
    const root = workspace({
      '.vscode/settings.json': '{\n  // the team writes for Weibo\n  "postlint.platform": "weibo",\n  "postlint.platforms": { "weibo": { "limit": 100 } },\n}\n',
      'team/a.post.md': OVER_X,
      'team/sub/.vscode/settings.json': '{ "postlint.platform": "bluesky" }',
      'team/sub/b.post.md': SHORT,
    });
    const files = JSON.parse(runCli(['team', '--format', 'json'], { cwd: root }).stdout) as JsonFile[];
    const a = files.find((f) => f.file.endsWith('a.post.md'))!;
    const b = files.find((f) => f.file.endsWith('b.post.md'))!;
    assert.equal(a.platform, 'weibo');
    assert.equal(a.stats.limit, 100);
    assert.equal(b.platform, 'bluesky');
  });

  it('front matter picks the platform over settings', () => {
    const root = workspace({ '.vscode/settings.json': '{ "postlint.platform": "weibo" }', 'a.post.md': `---\nplatform: mastodon\n---\n${SHORT}` });
    const [file] = JSON.parse(runCli(['a.post.md', '--format', 'json'], { cwd: root }).stdout) as JsonFile[];
    assert.equal(file.platform, 'mastodon');
  });

  it('warns about a bad setting by name and lints with defaults', () => {
    const root = workspace({ '.vscode/settings.json': '{ "postlint.platform": "myspace", "postlint.rules": { "no-such-rule": "off" } }', 'a.post.md': SHORT });
    const run = runCli(['a.post.md', '--format', 'json'], { cwd: root });
    assert.equal(run.status, 0);
    assert.match(run.stderr, /postlint\.platform: unknown platform "myspace"/);
    assert.match(run.stderr, /postlint\.rules\.no-such-rule: unknown rule or family/);
    assert.equal((JSON.parse(run.stdout) as JsonFile[])[0].platform, 'x');
  });

  it('gives one message per missing path, lints the rest, and exits 2', () => {
    const root = workspace({ 'a.post.md': SHORT });
    const run = runCli(['a.post.md', 'missing.post.md', 'nowhere/'], { cwd: root });
    assert.equal(run.status, 2);
    assert.match(run.stdout, /a\.post\.md/);
    assert.equal(run.stderr.match(/No such file/g)?.length, 2);
  });

  it('prints the stylish report with the platform count per file', () => {
    const root = workspace({ 'a.post.md': OVER_X });
    const run = runCli(['a.post.md'], { cwd: root });
    assert.match(run.stdout, /^a\.post\.md {2}\(X \d+\/280\)$/m);
    assert.match(run.stdout, /error +\d+\/280: the last \d+ characters don't fit on X\. {2}length/);
    assert.match(run.stdout, /1 file\(s\) linted/);
  });

  it('`count` reads raw text from stdin and prints the count, limit, fold and validity', () => {
    const json = runCli(['count', '--platform', 'weibo', '--json'], { input: '你好，世界' });
    assert.deepEqual(JSON.parse(json.stdout), { platform: 'weibo', length: 5, limit: 2000, valid: true, fold: 140 });
    const text = runCli(['count', '--platform', 'x'], { input: '# not markdown, just text' });
    assert.equal(text.stdout.trim(), 'X 25/280 valid');
    assert.equal(runCli(['count'], { input: 'x' }).status, 2);
  });

  it('lints the bundled examples, as `npm start` does, and exits 0', () => {
    const run = runCli(['examples/', '--exit-zero'], { cwd: join(__dirname, '..', '..') });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /examples\/launch\.post\.md/);
    assert.match(run.stdout, /file\(s\) linted/);
  });
});

// What a workspace can hold that once stopped the CLI (dist/cli.js as a child process): a settings
// file nested 10,000 deep, a settings file that never ends, symlink loops under a glob, a newline in
// a file name. Each run must finish (mocha's timeout is the bound), lint what it can and say the rest.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';

const POST = 'We shipped the new editor today. What would you try first?\n';

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A folder with one post and an empty `.vscode`. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'postlint-hostile-cli-'));
  dirs.push(dir);
  mkdirSync(join(dir, '.vscode'));
  writeFileSync(join(dir, 'a.post.md'), POST);
  return dir;
}

interface JsonFile {
  file: string;
  platform: string;
}

describe('hostile workspaces for the CLI', function () {
  this.timeout(60_000);

  it('a settings file nested 10,000 deep: the deep value is named and ignored, the rest applies, every post is linted', () => {
    const dir = workspace();
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    writeFileSync(join(dir, '.vscode', 'settings.json'), `{\n  "postlint.rules": ${deep},\n  "postlint.platform": "weibo"\n}\n`);
    const run = runCli(['.', '--format', 'json'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual((JSON.parse(run.stdout) as JsonFile[]).map((f) => [f.file, f.platform]), [['a.post.md', 'weibo']]);
    assert.match(run.stderr, /settings\.json:2: a value nests more than 64 levels deep and is ignored/);
    assert.match(run.stderr, /postlint\.rules: nests more than 32 levels deep; it is ignored/);
  });

  for (const [what, make] of [
    ['a symlink to /dev/zero', (path: string) => symlinkSync('/dev/zero', path)],
    ['a symlink to /dev/urandom', (path: string) => symlinkSync('/dev/urandom', path)],
    ['a named pipe', (path: string) => spawnSync('mkfifo', [path])],
  ] as const) {
    it(`a settings file that is ${what}: not read, said so, and the posts are linted`, function () {
      const dir = workspace();
      make(join(dir, '.vscode', 'settings.json'));
      const run = runCli(['.', '--format', 'json'], { cwd: dir, timeoutMs: 20_000 });
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual((JSON.parse(run.stdout) as JsonFile[]).map((f) => f.file), ['a.post.md']);
      assert.match(run.stderr, /settings\.json: cannot read \(not a regular file\)/);
      const explicit = runCli(['.', '--config', '.vscode/settings.json'], { cwd: dir, timeoutMs: 20_000 });
      assert.equal(explicit.status, 2);
      assert.match(explicit.stderr, /cannot read \(not a regular file\)/);
    });
  }

  it('a glob over six symlink loops reports each post once', () => {
    const dir = workspace();
    for (let i = 1; i <= 6; i++) symlinkSync('.', join(dir, `l${i}`));
    symlinkSync('a.post.md', join(dir, 'same.post.md'));
    const run = runCli(['**/*.post.md', '--format', 'json'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual((JSON.parse(run.stdout) as JsonFile[]).map((f) => f.file), ['a.post.md']);
  });

  it('a folder named twice, once through a link, and a linked post inside it report each post once', () => {
    const dir = workspace();
    mkdirSync(join(dir, 'posts'));
    writeFileSync(join(dir, 'posts', 'b.post.md'), POST);
    symlinkSync('b.post.md', join(dir, 'posts', 'c.post.md'));
    symlinkSync('posts', join(dir, 'linked'));
    const run = runCli(['posts', 'linked', '--format', 'json'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual((JSON.parse(run.stdout) as JsonFile[]).map((f) => f.file), [join('posts', 'b.post.md')]);
  });

  it('a newline in a file name is printed escaped, so no line of the output is the file name\'s', () => {
    const dir = workspace();
    const name = 'x\n::error file=y::injected.post.md';
    writeFileSync(join(dir, name), POST);
    const run = runCli(['.', '--format', 'stylish'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(run.stdout.includes('x\\n::error file=y::injected.post.md'), run.stdout);
    assert.ok(!run.stdout.split('\n').some((line) => line.startsWith('::error')), run.stdout);
    assert.equal(readFileSync(join(dir, name), 'utf8'), POST);
  });
});

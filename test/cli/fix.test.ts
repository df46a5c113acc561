import { fixAll } from '../../server/src/engine';
import assert from 'node:assert/strict';
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { writeFixed } from '../../server/src/cli/fix';
import { runCli } from '../helpers/cli';
import { REPO_ROOT } from '../helpers/paths';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
const LONG = `${'We rebuilt onboarding this quarter and learned a lot about what new teams need. '.repeat(8)}What do you think?`;

const tempDirs: string[] = [];
after(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'postlint-fix-'));
  tempDirs.push(dir);
  return dir;
}

function posts(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.post.md'))
    .sort();
}

interface JsonFile {
  file: string;
  diagnostics: { rule: string; fixes: { preferred: boolean; edits: unknown[] }[] }[];
}

describe('CLI --fix (dist/cli.js as a child process)', () => {
  it('applies the preferred fixes to copies of the fixtures, and a second run changes nothing', () => {
    const dir = tempDir();
    cpSync(FIXTURES, dir, { recursive: true });
    const names = posts(dir);
    assert.ok(names.length > 10);
    const before = new Map(names.map((name) => [name, readFileSync(join(dir, name), 'utf8')]));

    const first = runCli(['.', '--fix', '--format', 'json', '--exit-zero'], { cwd: dir });
    assert.equal(first.status, 0, first.stderr);
    let changed = 0;
    for (const name of names) {
      const after = readFileSync(join(dir, name), 'utf8');
      // The CLI writes exactly what the editor's fix-all produces.
      assert.equal(after, fixAll(before.get(name)!, {}).text, name);
      if (after !== before.get(name)) {
        changed++;
        assert.match(first.stderr, new RegExp(`${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: fixed \\d+ problem`));
      }
    }
    assert.ok(changed > 5, `only ${changed} fixtures changed`);
    // What is reported after --fix has no preferred fix left to apply.
    for (const file of JSON.parse(first.stdout) as JsonFile[]) {
      for (const d of file.diagnostics) assert.ok(!d.fixes.some((f) => f.preferred && f.edits.length > 0), `${file.file}: ${d.rule} still fixable`);
    }
    assert.deepEqual(readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((n) => n.includes('postlint-tmp')), []);

    const snapshot = names.map((name) => readFileSync(join(dir, name), 'utf8'));
    const second = runCli(['.', '--fix', '--exit-zero'], { cwd: dir });
    assert.doesNotMatch(second.stderr, /fixed/);
    assert.deepEqual(names.map((name) => readFileSync(join(dir, name), 'utf8')), snapshot);
  });

  it('keeps the BOM, the CRLF line endings and the file mode', () => {
    const dir = tempDir();
    const path = join(dir, 'crlf.post.md');
    writeFileSync(path, `\ufeff---\r\nplatform: x\r\n---\r\n${LONG}\r\n\r\nIt works!!!\r\n`);
    chmodSync(path, 0o640);
    const run = runCli(['crlf.post.md', '--fix'], { cwd: dir });
    assert.match(run.stderr, /crlf\.post\.md: fixed/);
    const bytes = readFileSync(path);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    // A split is a suggestion now; the safe fix (one "!") is what --fix writes.
    assert.match(text, /\r\n\r\nIt works!\r\n$/);
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /\n/);
    assert.equal(statSync(path).mode & 0o777, 0o640);
  });

  it('leaves a file that is not valid UTF-8 untouched, and says why', () => {
    const dir = tempDir();
    const path = join(dir, 'broken.post.md');
    const bytes = Buffer.concat([Buffer.from(`${LONG} `), Buffer.from([0xff, 0xfe]), Buffer.from(' Buy now!!!\n')]);
    writeFileSync(path, bytes);
    const run = runCli(['broken.post.md', '--fix'], { cwd: dir });
    assert.match(run.stderr, /broken\.post\.md is not valid UTF-8; not fixed/);
    assert.deepEqual(readFileSync(path), bytes);
  });

  it('reports in Chinese with --locale zh-CN', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.post.md'), `${LONG}\n`);
    const run = runCli(['a.post.md', '--fix', '--locale', 'zh-CN'], { cwd: dir });
    assert.match(run.stderr, /a\.post\.md：修复了 \d+ 个问题/);
  });
});

describe('writing fixes atomically', () => {
  it('writes through a temporary file and a rename', () => {
    const dir = tempDir();
    const path = join(dir, 'a.post.md');
    writeFileSync(path, 'before\n');
    assert.equal(writeFixed(path, readFileSync(path), 'after\n'), 'written');
    assert.equal(readFileSync(path, 'utf8'), 'after\n');
    assert.deepEqual(readdirSync(dir), ['a.post.md']);
  });

  it('leaves a file alone when it changed on disk after it was read', () => {
    const dir = tempDir();
    const path = join(dir, 'a.post.md');
    writeFileSync(path, 'as read\n');
    const read = readFileSync(path);
    writeFileSync(path, 'saved by the editor meanwhile\n');
    assert.equal(writeFixed(path, read, 'fixed\n'), 'changed-on-disk');
    assert.equal(readFileSync(path, 'utf8'), 'saved by the editor meanwhile\n');
    assert.deepEqual(readdirSync(dir).map((n) => relative(dir, join(dir, n))), ['a.post.md']);
  });
});

// `postlint --fix` against the file system: a full disk, symlinks, hard links, owners, read-only
// files and names at the length limit. The CLI runs as a child process on real files; whatever it
// cannot write, it says so, exits 2 and leaves the post byte for byte.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixAll } from '../../server/src/engine';
import { runCli } from '../helpers/cli';
import { CLI_PATH } from '../helpers/paths';

/** About 24 KB with findings whose preferred fixes rewrite the whole post (a thread split, punctuation). */
const BIG_POST = `${'We rebuilt onboarding this quarter and learned a lot about what new teams need!!! '.repeat(290)}What do you think?\n`;
const SMALL_POST = `${'We rebuilt onboarding this quarter and learned a lot about what new teams need. '.repeat(4)}Buy now!!! What do you think?\n`;

const dirs: string[] = [];
const mounts: string[] = [];
after(() => {
  for (const mount of mounts) spawnSync('umount', [mount]);
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'postlint-hostile-fix-'));
  dirs.push(dir);
  return dir;
}

/** The files of a folder, so a test can check no temporary file was left behind. */
function names(dir: string): string[] {
  return readdirSync(dir).sort();
}

/** A 64 KB tmpfs with a 20 KB filler file, when this machine lets us mount one (root on Linux). */
function smallDisk(): string | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  const dir = tempDir();
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]).status !== 0) return undefined;
  mounts.push(dir);
  writeFileSync(join(dir, 'filler'), Buffer.alloc(20 * 1024, 1));
  return dir;
}

describe('hostile file system under --fix', function () {
  this.timeout(60_000);

  it('a full disk: says so, exits 2 and leaves the post byte for byte (a real 64 KB tmpfs, else a file-size limit)', () => {
    assert.notEqual(fixAll(BIG_POST, {}).text, BIG_POST, 'the post has fixes to write');
    const disk = smallDisk();
    const dir = disk ?? tempDir();
    const path = join(dir, 'big.post.md');
    writeFileSync(path, BIG_POST);
    const before = names(dir);
    let run: { status: number | null; stderr: string };
    if (disk) {
      run = runCli(['big.post.md', '--fix'], { cwd: dir });
    } else {
      // Without a small disk to fill, a file-size limit makes the kernel refuse the write the same way
      // (EFBIG instead of ENOSPC); ignoring SIGXFSZ turns the signal into that error.
      const script = `trap '' XFSZ; ulimit -f 40; exec "${process.execPath}" "${CLI_PATH}" big.post.md --fix`;
      run = spawnSync('sh', ['-c', script], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8' } });
    }
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /Cannot write the fixes to big\.post\.md: (ENOSPC|EFBIG); the file is left as it was/);
    assert.doesNotMatch(run.stderr, /fixed \d+ problem/);
    assert.equal(readFileSync(path, 'utf8'), BIG_POST);
    assert.deepEqual(names(dir), before, 'no temporary file is left behind');
  });

  it('a symlink to a post elsewhere: the real post is fixed and the link stays a link', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'drafts'));
    mkdirSync(join(dir, 'elsewhere'));
    const real = join(dir, 'elsewhere', 'real.post.md');
    writeFileSync(real, SMALL_POST);
    symlinkSync(join('..', 'elsewhere', 'real.post.md'), join(dir, 'drafts', 'link.post.md'));
    const run = runCli(['link.post.md', '--fix', '--exit-zero'], { cwd: join(dir, 'drafts') });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(lstatSync(join(dir, 'drafts', 'link.post.md')).isSymbolicLink(), 'still a symlink');
    assert.equal(readFileSync(real, 'utf8'), fixAll(SMALL_POST, {}).text);
    assert.deepEqual(names(join(dir, 'drafts')), ['link.post.md']);
    assert.deepEqual(names(join(dir, 'elsewhere')), ['real.post.md']);
  });

  it('a hard-linked post is refused, and both names keep the same unchanged file', () => {
    const dir = tempDir();
    const path = join(dir, 'a.post.md');
    writeFileSync(path, SMALL_POST);
    linkSync(path, join(dir, 'b.post.md'));
    const run = runCli(['a.post.md', '--fix'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /Cannot write the fixes to a\.post\.md: the file has other hard links/);
    assert.equal(readFileSync(path, 'utf8'), SMALL_POST);
    assert.equal(statSync(path).ino, statSync(join(dir, 'b.post.md')).ino, 'still one file');
  });

  it('a read-only post (0444) is refused, even for root, and left as it was', () => {
    const dir = tempDir();
    const path = join(dir, 'a.post.md');
    writeFileSync(path, SMALL_POST);
    chmodSync(path, 0o444);
    const run = runCli(['a.post.md', '--fix'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /Cannot write the fixes to a\.post\.md: the file is read-only/);
    assert.equal(readFileSync(path, 'utf8'), SMALL_POST);
    assert.equal(statSync(path).mode & 0o777, 0o444);
  });

  it('keeps the owner, the group and the mode (another owner when the tests run as root)', () => {
    const dir = tempDir();
    const path = join(dir, 'a.post.md');
    writeFileSync(path, SMALL_POST);
    chmodSync(path, 0o664);
    if (process.getuid?.() === 0) chownSync(path, 4321, 4322);
    const before = statSync(path);
    const run = runCli(['a.post.md', '--fix', '--exit-zero'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    const after = statSync(path);
    assert.notEqual(after.ino, before.ino, 'replaced through a rename');
    assert.deepEqual([after.uid, after.gid, after.mode & 0o7777], [before.uid, before.gid, 0o664]);
    assert.equal(readFileSync(path, 'utf8'), fixAll(SMALL_POST, {}).text);
  });

  it('a 243-character file name is fixed (the temporary name is short)', () => {
    const dir = tempDir();
    const name = `${'n'.repeat(243 - '.post.md'.length)}.post.md`;
    writeFileSync(join(dir, name), SMALL_POST);
    const run = runCli([name, '--fix', '--exit-zero'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /fixed \d+ problem/);
    assert.equal(readFileSync(join(dir, name), 'utf8'), fixAll(SMALL_POST, {}).text);
    assert.deepEqual(names(dir), [name]);
  });
});

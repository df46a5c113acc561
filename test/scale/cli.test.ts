// The CLI on what CI finds: thousands of posts, unreadable entries, stdin, and a terminal that
// deserves a progress line. The built CLI runs as a child process, as in CI.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectFiles } from '../../server/src/cli/files';
import { run } from '../../server/src/cli/main';
import { PROGRESS_DELAY_ENV } from '../../server/src/cli/progress';
import { runCli } from '../helpers/cli';
import { CLI_PATH } from '../helpers/paths';

const POSTS = 10_000;
const FOLDERS = 100;
/** A V8 heap this small holds the engine and one post at a time, not ten thousand reports. */
const HEAP_LIMIT_MB = 32;
const ERASE_LINE = '\r\u001b[K';

function post(i: number): string {
  const kinds = [
    `We shipped version ${i} today. What would you try first?\n\n![The new screen](shot.png)\n`,
    `我们今天发布了第 ${i} 版。立即下单！\n`,
    `${'A long draft that keeps going and going about the launch. '.repeat(6)}#launch\n`,
    `---\nplatform: weibo\n---\n新版本 ${i} 上线了，你们最想先试哪个功能？\n`,
  ];
  return kinds[i % kinds.length];
}

interface Peak {
  status: number | null;
  stdout: string;
  stderr: string;
  peakRssKb: number;
}

/** Runs the CLI and samples its resident memory from /proc until it exits. */
function runSampled(args: string[], nodeOptions: string[] = []): Promise<Peak> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeOptions, CLI_PATH, ...args], { env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8' } });
    let stdout = '';
    let stderr = '';
    let peakRssKb = 0;
    const sample = () => {
      try {
        const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (rss) peakRssKb = Math.max(peakRssKb, Number(rss[1]));
      } catch {
        // Not on Linux, or the process just ended: the heap limit still bounds the run.
      }
    };
    const timer = setInterval(sample, 20);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (status) => {
      clearInterval(timer);
      resolve({ status, stdout, stderr, peakRssKb });
    });
  });
}

describe('CLI at scale', function () {
  this.timeout(120_000);
  let root: string;
  let folder: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'postlint-scale-'));
    folder = join(root, 'drafts');
    for (let f = 0; f < FOLDERS; f++) {
      const dir = join(folder, `week-${String(f).padStart(3, '0')}`);
      mkdirSync(dir, { recursive: true });
      for (let i = 0; i < POSTS / FOLDERS; i++) writeFileSync(join(dir, `post-${i}.post.md`), post(f * 100 + i));
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it(`streams a folder of ${POSTS} posts within a ${HEAP_LIMIT_MB} MB heap, memory not growing with the count`, async () => {
    const heap = [`--max-old-space-size=${HEAP_LIMIT_MB}`];
    const tenth = Array.from({ length: FOLDERS / 10 }, (_, f) => join(folder, `week-${String(f).padStart(3, '0')}`));
    const small = await runSampled(['--format', 'json', ...tenth], heap);
    const full = await runSampled(['--format', 'json', folder], heap);
    assert.equal(full.status, 1, full.stderr.slice(0, 2000));
    const reports = JSON.parse(full.stdout) as { file: string; diagnostics: unknown[] }[];
    assert.equal(reports.length, POSTS);
    assert.equal(new Set(reports.map((r) => r.file)).size, POSTS, 'each file once');
    assert.equal((JSON.parse(small.stdout) as unknown[]).length, POSTS / 10);
    if (full.peakRssKb > 0) {
      // Generous: ten times the posts may cost some garbage not yet collected, never a report per post kept.
      const growthMb = (full.peakRssKb - small.peakRssKb) / 1024;
      assert.ok(growthMb < 64, `peak RSS ${small.peakRssKb} KB for ${POSTS / 10} posts, ${full.peakRssKb} KB for ${POSTS}`);
    }
  });

  it('gives unreadable entries and missing paths one message each, lints the rest and exits 2', async () => {
    const dir = join(root, 'mixed');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.post.md'), post(0));
    writeFileSync(join(dir, 'b.post.md'), post(1));
    symlinkSync(join(dir, 'gone.txt'), join(dir, 'dangling.post.md'));
    writeFileSync(join(dir, 'image.post.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    writeFileSync(join(dir, 'latin1.post.md'), Buffer.from('Caf\xe9 ouvert \xe0 tous. What do you think?\n', 'latin1'));
    // A named pipe with no writer: reading it would wait forever.
    const fifo = spawnSync('mkfifo', [join(dir, 'pipe.post.md')]).status === 0;
    // Bounded here rather than by mocha: a CLI stuck on the pipe would block a synchronous spawn forever.
    const bounded = spawnSync(process.execPath, [CLI_PATH, '--format', 'json', 'mixed', 'nope.post.md', 'none/*.post.md'], { cwd: root, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8' } });
    const result = { status: bounded.status, stdout: bounded.stdout, stderr: bounded.stderr };
    assert.equal(result.status, 2, result.stderr);
    const linted = (JSON.parse(result.stdout) as { file: string }[]).map((r) => r.file).sort();
    assert.deepEqual(linted, ['mixed/a.post.md', 'mixed/b.post.md', 'mixed/latin1.post.md']);
    const lines = result.stderr.trim().split('\n');
    const about = (name: string) => lines.filter((line) => line.includes(name));
    assert.equal(about('dangling.post.md').length, 1, result.stderr);
    assert.match(about('dangling.post.md')[0], /^Cannot read .*ENOENT/);
    assert.match(about('image.post.md').join(''), /binary file, not a post; skipped/);
    assert.match(about('latin1.post.md').join(''), /is not valid UTF-8; invalid bytes are shown as \uFFFD and it was linted as decoded/);
    assert.equal(about('nope.post.md').length, 1);
    assert.equal(about('none/*.post.md').length, 1);
    if (fifo) assert.match(about('pipe.post.md').join(''), /not a regular file/);
    assert.equal(lines.length, fifo ? 6 : 5, result.stderr);
  });

  it('reads stdin for -, alone or among files', () => {
    const dir = join(root, 'stdin');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.post.md'), post(0));
    const alone = runCli(['--format', 'json', '-'], { cwd: dir, input: '立即下单！\n' });
    const [report] = JSON.parse(alone.stdout) as { file: string; diagnostics: { rule: string }[] }[];
    assert.equal(report.file, '-');
    assert.ok(report.diagnostics.some((d) => d.rule === 'hard-selling'));
    const among = runCli(['--format', 'json', 'a.post.md', '-'], { cwd: dir, input: 'Short. What do you think?' });
    assert.deepEqual((JSON.parse(among.stdout) as { file: string }[]).map((r) => r.file), ['a.post.md', '-']);
  });

  // A recursive walk that spread each folder's list into its parent's overflowed the stack here.
  it('lists a folder of 160,000 posts without overflowing the stack', async function () {
    this.timeout(180_000);
    const dir = join(root, 'flat', 'all');
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 160_000; i++) writeFileSync(join(dir, `${i}.post.md`), '');
    const { files } = await collectFiles(['flat'], root);
    assert.equal(files.length, 160_000);
    rmSync(join(root, 'flat'), { recursive: true, force: true });
  });

  describe('progress on a terminal', () => {
    /** Runs the CLI in-process with a clock that moves 300 ms per reading. */
    async function runWithClock(args: string[], stderrIsTty: boolean) {
      let time = 0;
      let stdout = '';
      let stderr = '';
      const code = await run(args, {
        stdout: (text) => (stdout += text),
        stderr: (text) => (stderr += text),
        readStdin: () => Buffer.from(''),
        isTty: false,
        stderrIsTty,
        now: () => (time += 300),
        cwd: join(folder, 'week-000'),
      });
      return { code, stdout, stderr };
    }

    it('shows files done / total on stderr once a run takes more than a second, and erases it before any output', async () => {
      const { stdout, stderr } = await runWithClock(['.'], true);
      const drawn = stderr.split(ERASE_LINE).filter(Boolean);
      assert.ok(drawn.every((line) => /^Linting: \d+\/100 files$/.test(line)), JSON.stringify(drawn.slice(0, 3)));
      const counts = drawn.map((line) => Number(/\d+/.exec(line)![0]));
      assert.ok(counts.length > 10, stderr.slice(0, 500));
      assert.ok(counts.every((n, i) => i === 0 || n >= counts[i - 1]), 'the count only goes up');
      assert.ok(!stdout.includes('Linting'), 'never in the report');
      assert.ok(stderr.endsWith(ERASE_LINE), 'erased at the end');
    });

    it('never shows it when stderr is not a terminal, or with --format json', async () => {
      assert.equal((await runWithClock(['.'], false)).stderr, '');
      assert.equal((await runWithClock(['--format', 'json', '.'], true)).stderr, '');
    });

    const hasScript = spawnSync('script', ['--version']).status === 0;
    (hasScript ? it : it.skip)(`shows it from the built CLI in a real terminal (util-linux script) on ${POSTS} posts`, () => {
      // Both streams share the pseudo-terminal here, as in an interactive shell. (JSON output and pipes are covered above.)
      // The line waits for a run's first second; a fast machine lints this folder in less, so it is shown at once here.
      const env = { ...process.env, LANG: 'en_US.UTF-8', [PROGRESS_DELAY_ENV]: '0' };
      const inTerminal = (args: string) => spawnSync('script', ['-qec', `"${process.execPath}" "${CLI_PATH}" ${args}`, '/dev/null'], { encoding: 'utf8', env, maxBuffer: 256 * 1024 * 1024 });
      assert.match(inTerminal(`"${folder}"`).stdout, /Linting: \d+\/10000 files/);
      // Counted as the main thread prints each file's report, whichever thread linted it.
      const parallel = inTerminal(`--concurrency 2 "${folder}"`).stdout;
      assert.match(parallel, /Linting: \d+\/10000 files/);
      assert.match(parallel, /10000 file\(s\) linted/);
    });
  });
});

// Linting on worker threads must not change a byte of what the CLI prints: the same reports in the
// same order, the same stderr lines (settings problems once, unreadable, binary and invalid UTF-8
// files), the same exit code, and a worker that dies loses no file.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { FORMATTERS } from '../../server/src/cli/formatters';
import { lintFile, type FileOutcome } from '../../server/src/cli/lintFile';
import { lintInParallel, parseConcurrency, workerCount, type Job } from '../../server/src/cli/parallel';
import { FAIL_AFTER_ENV } from '../../server/src/cli/worker';
import { runCli, type CliRun } from '../helpers/cli';
import { CLI_PATH, REPO_ROOT } from '../helpers/paths';
import type { Locale, PostlintSettings } from '../../server/src/engine';

const COPIES = 4;
const FORMATS = ['stylish', 'json', 'sarif', 'github'];
const STDIN = 'Buy now!!! Limited offer.\n';

/** Every fixture and example post, COPIES times over, in folders whose settings differ. */
function buildDrafts(root: string): number {
  const sources = ['test/fixtures', 'examples'].map((dir) => join(REPO_ROOT, dir));
  let posts = 0;
  for (let copy = 0; copy < COPIES; copy++) {
    for (const source of sources) {
      const target = join(root, 'drafts', `team-${copy}`, relative(REPO_ROOT, source));
      cpSync(source, target, { recursive: true, filter: (path) => !/\.md$/.test(path) || path.endsWith('.post.md') });
      posts += readdirSync(target, { recursive: true }).filter((name) => String(name).endsWith('.post.md')).length;
    }
  }
  // A broken settings file (a syntax error, an unknown rule) for one team, printed once however many threads read its posts.
  mkdirSync(join(root, 'drafts/team-1/.vscode'));
  writeFileSync(join(root, 'drafts/team-1/.vscode/settings.json'), '{ "postlint.rules": { "no-such-rule": "error" }, "postlint.platform": "weibo" oops }');
  // A word list for another: its content reaches the workers as data.
  mkdirSync(join(root, 'drafts/team-2/.vscode'));
  writeFileSync(join(root, 'drafts/team-2/.vscode/settings.json'), '{ "postlint.wordLists": ["lists/house.yaml"], "postlint.rules": { "hard-selling": "error" } }');
  mkdirSync(join(root, 'drafts/team-2/lists'));
  writeFileSync(join(root, 'drafts/team-2/lists/house.yaml'), 'hardSelling:\n  - phrase: rebuilt\n    rewrite: reworked\n');
  // And a team that turned postlint off.
  mkdirSync(join(root, 'drafts/team-3/.vscode'));
  writeFileSync(join(root, 'drafts/team-3/.vscode/settings.json'), '{ "postlint.enable": false }');
  const odd = join(root, 'drafts/team-0/odd');
  mkdirSync(odd);
  symlinkSync(join(odd, 'gone.txt'), join(odd, 'dangling.post.md'));
  writeFileSync(join(odd, 'image.post.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
  writeFileSync(join(odd, 'latin1.post.md'), Buffer.from('Caf\xe9 ouvert \xe0 tous. What do you think?\n', 'latin1'));
  return posts;
}

function cli(root: string, args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
  return runCli([...args, 'drafts', '-'], { cwd: root, input: STDIN, env });
}

describe('CLI on worker threads (dist/cli.js as a child process)', function () {
  this.timeout(120_000);
  let root: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'postlint-parallel-'));
    assert.ok(buildDrafts(root) >= 200);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  for (const format of FORMATS) {
    it(`prints --format ${format} byte for byte as a serial run does, stderr and exit code included`, () => {
      const serial = cli(root, ['--format', format, '--concurrency', 'off']);
      assert.equal(serial.status, 2, 'the dangling link makes it exit 2');
      // Three threads even on two cores: this checks the output, not the speed.
      assert.deepEqual(cli(root, ['--format', format, '--concurrency', '3']), serial);
    });
  }

  it('says each thing once, in Chinese too', () => {
    const serial = cli(root, ['--locale', 'zh-CN', '--concurrency', 'off']);
    const parallel = cli(root, ['--locale', 'zh-CN', '--concurrency', '2']);
    assert.deepEqual(parallel, serial);
    const lines = parallel.stderr.split('\n');
    assert.equal(lines.filter((line) => line.includes('team-1/.vscode/settings.json')).length, 2, parallel.stderr); // the syntax error, the unknown rule
    assert.equal(lines.filter((line) => line.includes('dangling.post.md')).length, 1);
    assert.equal(lines.filter((line) => line.includes('image.post.md')).length, 1);
    assert.equal(lines.filter((line) => line.includes('latin1.post.md')).length, 1);
    assert.ok(!parallel.stdout.includes('team-3'), 'postlint.enable: false holds on every thread');
    assert.ok(parallel.stdout.includes('hard-selling'));
  });

  it('loses no file when workers die at start or midway', () => {
    const serial = cli(root, ['--format', 'json', '--concurrency', 'off']);
    for (const failAfter of ['0', '7']) {
      assert.deepEqual(cli(root, ['--format', 'json', '--concurrency', '3'], { [FAIL_AFTER_ENV]: failAfter }), serial, `${FAIL_AFTER_ENV}=${failAfter}`);
    }
  });

  it('fixes files on worker threads as a serial run does', () => {
    const copies = ['serial', 'parallel'].map((name) => {
      const dir = join(root, 'fix', name);
      cpSync(join(root, 'drafts/team-0'), join(dir, 'drafts'), { recursive: true, verbatimSymlinks: true });
      return dir;
    });
    const serial = runCli(['--fix', '--format', 'json', '--concurrency', 'off', 'drafts'], { cwd: copies[0] });
    const parallel = runCli(['--fix', '--format', 'json', '--concurrency', '3', 'drafts'], { cwd: copies[1] });
    assert.deepEqual(parallel, serial);
    assert.match(serial.stderr, /fixed \d+ problem/);
    const contents = (dir: string) =>
      readdirSync(join(dir, 'drafts'), { recursive: true })
        .map(String)
        .filter((name) => name.endsWith('.post.md') && !name.includes('dangling'))
        .sort()
        .map((name) => [name, readFileSync(join(dir, 'drafts', name), 'latin1')]);
    assert.deepEqual(contents(copies[1]), contents(copies[0]));
  });

  it('takes --concurrency auto, off or a number, and refuses anything else', () => {
    assert.equal(cli(root, ['--concurrency', 'auto', '--format', 'json']).stdout, cli(root, ['--concurrency', 'off', '--format', 'json']).stdout);
    const bad = runCli(['--concurrency', 'lots', 'drafts'], { cwd: root });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /Unknown concurrency "lots"/);
    assert.match(runCli(['--help']).stdout, /--concurrency <auto\|off\|n>/);
  });
});

describe('worker pool', function () {
  this.timeout(60_000);
  const locale: Locale = 'en';
  const format = 'json';
  const context = { cwd: join(REPO_ROOT, 'test/fixtures'), locale, fix: false, format, color: false } as const;
  const options = { cwd: context.cwd, locale, fix: false, formatter: FORMATTERS[format]({ locale, color: false }), readStdin: () => Buffer.from(STDIN) } as const;
  const fixtures = ['en', 'zh', 'mixed'].flatMap((dir) => readdirSync(join(context.cwd, dir)).map((name) => `${dir}/${name}`));
  // Enough work that the main thread cannot finish it alone before a worker has started.
  const files = ['-', ...Array.from({ length: 20 }, () => fixtures).flat()];
  const settings: PostlintSettings = { locale, restricted: false };
  const jobs: Job[] = files.map((file, index) => ({ index, file, settingsId: 0, settings, mainThreadOnly: file === '-' }));
  let expected: FileOutcome[];
  before(() => (expected = jobs.map((job) => lintFile(job.file, settings, options))));

  /** Runs the pool over the built CLI and returns what came back, and which files the main thread linted. */
  async function pool(workers: number): Promise<{ outcomes: (FileOutcome | undefined)[]; here: string[] }> {
    const outcomes: (FileOutcome | undefined)[] = jobs.map(() => undefined);
    const here: string[] = [];
    await lintInParallel(jobs, {
      script: CLI_PATH,
      workers,
      context,
      lintHere: (job) => (here.push(job.file), lintFile(job.file, job.settings, options)),
      deliver: (index, outcome) => {
        assert.equal(outcomes[index], undefined, `file ${index} delivered twice`);
        outcomes[index] = outcome;
      },
    });
    return { outcomes, here };
  }

  afterEach(() => delete process.env[FAIL_AFTER_ENV]);

  it('has workers lint part of the files, with the outcomes a serial run has, stdin on the main thread', async () => {
    const { outcomes, here } = await pool(2);
    assert.deepEqual(outcomes, expected);
    assert.ok(here.includes('-'));
    assert.ok(here.length < files.length, `the main thread linted all ${files.length} files`);
  });

  it('lints on the main thread what a dying worker leaves', async () => {
    process.env[FAIL_AFTER_ENV] = '3';
    const { outcomes, here } = await pool(2);
    assert.deepEqual(outcomes, expected);
    // Each worker answered 3 files at most before it died.
    assert.ok(here.length >= files.length - 6, `${here.length} of ${files.length} on the main thread`);
  });

  it('chooses one thread per two cores for 500 files or more, and obeys a number', () => {
    assert.equal(workerCount('auto', 2000, 2), 0);
    assert.equal(workerCount('auto', 2000, 4), 1);
    assert.equal(workerCount('auto', 2000, 64), 3);
    assert.equal(workerCount('auto', 499, 64), 0);
    assert.equal(workerCount('auto', 1, 1), 0);
    assert.equal(workerCount(3, 2, 1), 1);
    assert.equal(workerCount(parseConcurrency('off')!, 2000, 64), 0);
    assert.equal(parseConcurrency('0'), undefined);
  });
});

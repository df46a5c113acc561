// Every name Object.prototype has (`constructor`, `toString`, `__proto__` …), at every place postlint
// reads a name from a user: front matter, settings, directives, the CLI's flags, `count --platform`
// and a settings file. None is taken for a platform, a counting kind, a rule, an option, a locale or
// a format; each is reported as unknown, naming the key, and everything else goes on working.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { run } from '../../server/src/cli/main';
import { countText, lint, type PostlintSettings } from '../../server/src/engine';
import { CLI_PATH } from '../helpers/paths';
import { runs, seedOption } from './arbitraries';
import { assertWellFormed } from './invariants';

const NAMES = Object.getOwnPropertyNames(Object.prototype);
const POST = 'We shipped the new editor today. What would you try first?\n';

/** Where a settings object reads a name, and the key that must then be reported. */
const SETTINGS_PLACES: { place: string; settings: (name: string) => PostlintSettings; key: (name: string) => string }[] = [
  { place: 'postlint.platform', settings: (n) => ({ platform: n }), key: () => 'postlint.platform' },
  { place: 'postlint.platforms key', settings: (n) => ({ platforms: JSON.parse(`{${JSON.stringify(n)}: {"limit": 3}}`) }), key: (n) => `postlint.platforms.${n}` },
  { place: 'postlint.rules key', settings: (n) => ({ rules: JSON.parse(`{${JSON.stringify(n)}: "off"}`) }), key: (n) => `postlint.rules.${n}` },
  { place: 'rule option', settings: (n) => ({ rules: { 'formatting/hashtags': JSON.parse(`{${JSON.stringify(n)}: 1}`) } }), key: (n) => `postlint.rules.formatting/hashtags.${n}` },
  { place: 'postlint.locale', settings: (n) => ({ locale: n as PostlintSettings['locale'] }), key: () => 'postlint.locale' },
  { place: 'postlint.words key', settings: (n) => ({ words: JSON.parse(`{${JSON.stringify(n)}: []}`) }), key: (n) => `postlint.words.${n}` },
  { place: 'pattern rule', settings: (n) => ({ patterns: [{ pattern: 'shipped', message: 'm', rule: n }] }), key: () => 'postlint.patterns[0].rule' },
  { place: 'settings key', settings: (n) => JSON.parse(`{${JSON.stringify(n)}: 1}`) as PostlintSettings, key: (n) => `postlint.${n}` },
];

/** Where a post reads a name. */
const POST_PLACES: ((name: string) => string)[] = [
  (n) => `---\nplatform: ${n}\n---\n${POST}`,
  (n) => `---\nplatform: [x, ${n}]\n---\n${POST}`,
  (n) => `---\npostlint:\n  rules:\n    ${n}: off\n---\n${POST}`,
  (n) => `---\npostlint:\n  rules:\n    hard-selling:\n      ${n}: 1\n---\n${POST}`,
  (n) => `<!-- postlint-disable ${n} -->\n${POST}`,
  (n) => `<!-- postlint-disable-next-line ${n} -- reason -->\n${POST}`,
];

/** The name as users might write it in front matter: front matter ids are trimmed and lower-cased. */
const written = fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom('', ' ')).map(([name, pad]) => `${pad}${name}${pad}`);

describe('property: Object.prototype names as ids', function () {
  this.timeout(120_000);

  it('in settings: never thrown on, never accepted, always named', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.constantFrom(...SETTINGS_PLACES), (name, { settings, key }) => {
        const output = lint(POST, settings(name));
        assertWellFormed(POST, output);
        assert.ok(output.configProblems.some((p) => p.key === key(name)), `${key(name)} is reported: ${JSON.stringify(output.configProblems)}`);
        // The rest of the settings keep working: the post is still counted on a real platform.
        assert.ok(output.stats.platforms.length > 0);
      }),
      { numRuns: runs(NAMES.length * SETTINGS_PLACES.length * 2), ...seedOption() },
    );
  });

  it('in a post: never thrown on, and the post is still linted and counted', () => {
    fc.assert(
      fc.property(written, fc.constantFrom(...POST_PLACES), (name, place) => {
        const text = place(name);
        const output = lint(text, {});
        assertWellFormed(text, output);
        assert.ok(output.stats.platforms.every((p) => p.platform === 'x'), `only real platforms: ${JSON.stringify(output.stats.platforms)}`);
      }),
      { numRuns: runs(NAMES.length * POST_PLACES.length * 2), ...seedOption() },
    );
  });

  it('as a platform to count on: unknown', () => {
    for (const name of NAMES) assert.equal(countText(POST, name), undefined, name);
  });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runCliAsync(args: string[], cwd: string, input = ''): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI_PATH, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('property: Object.prototype names in the CLI', function () {
  this.timeout(300_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'postlint-ids-'));
    mkdirSync(join(dir, '.vscode'));
    writeFileSync(join(dir, 'plain.post.md'), POST);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const FLAGS: { flag: string; args: (name: string) => string[]; message: RegExp }[] = [
    { flag: '--platform', args: (n) => ['plain.post.md', '--platform', n], message: /Unknown platform/ },
    { flag: '--format', args: (n) => ['plain.post.md', '--format', n], message: /Unknown format/ },
    { flag: '--locale', args: (n) => ['plain.post.md', '--locale', n], message: /Unknown locale/ },
    { flag: '--concurrency', args: (n) => ['plain.post.md', '--concurrency', n], message: /Unknown concurrency/ },
    { flag: 'count --platform', args: (n) => ['count', '--platform', n], message: /Unknown platform/ },
  ];

  it('as the value of every flag: a usage message and exit 2, never an internal error (in process)', async () => {
    for (const { flag, args, message } of FLAGS) {
      for (const name of NAMES) {
        let stderr = '';
        const code = await run(args(name), { stdout: () => undefined, stderr: (t) => (stderr += t), readStdin: () => Buffer.from(POST), isTty: false, cwd: dir });
        assert.equal(code, 2, `${flag} ${name}: ${stderr}`);
        assert.match(stderr, message, `${flag} ${name}`);
      }
    }
  });

  it('in front matter and in the settings file: every file is reported and the JSON is complete, on one thread or two', async () => {
    const files = NAMES.map((name, i) => {
      const file = `named-${i}.post.md`;
      writeFileSync(join(dir, file), `---\nplatform: ${name}\n---\n${POST}`);
      return file;
    });
    const settings = Object.fromEntries(NAMES.flatMap((name) => [[`postlint.platforms.${name}.limit`, 3]]));
    writeFileSync(join(dir, '.vscode', 'settings.json'), JSON.stringify({ ...settings, 'postlint.platform': 'constructor', 'postlint.rules': { toString: 'off', 'formatting/hashtags': { valueOf: 1 } } }));
    for (const concurrency of ['off', '2']) {
      const run = await runCliAsync([...files, 'plain.post.md', '--format', 'json', '--concurrency', concurrency], dir);
      assert.doesNotMatch(run.stderr, /internal error|failed on/, run.stderr);
      const report = JSON.parse(run.stdout) as { file: string }[];
      assert.deepEqual(report.map((r) => r.file), [...files, 'plain.post.md'], `--concurrency ${concurrency}`);
      for (const key of ['postlint.platform', 'postlint.rules.toString', 'postlint.rules.formatting/hashtags.valueOf', ...NAMES.map((n) => `postlint.platforms.${n}`)]) {
        assert.ok(run.stderr.includes(`: ${key}: `), `${key} is named: ${run.stderr}`);
      }
    }
  });
});

// dist/cli.js, the `postlint` command itself: it runs the CLI bundle from V8's code cache and tunes
// V8's optimizing compiler for a short run. Neither may change what the CLI prints.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import { cacheFiles, freshHome } from '../helpers/home';
import { REPO_ROOT } from '../helpers/paths';

describe('the postlint command (dist/cli.js)', () => {
  const posts = [join(REPO_ROOT, 'examples'), join(REPO_ROOT, 'test', 'fixtures')];

  it('keeps one code cache per user and reuses it while the bundle and the V8 flags stay the same', () => {
    const env = freshHome();
    runCli([join(REPO_ROOT, 'examples')], { env });
    const first = cacheFiles(env);
    assert.equal(first.length, 1, 'the first run writes the cache');

    runCli([join(REPO_ROOT, 'examples')], { env });
    // V8 accepted the cache: a rejected one would have been written anew.
    assert.deepEqual(cacheFiles(env), first);

    runCli([join(REPO_ROOT, 'examples')], { env: { ...env, POSTLINT_NO_V8_TUNING: '1' } });
    const untuned = cacheFiles(env);
    assert.equal(untuned.length, 1, 'a cache made under other flags replaces the old one');
    assert.notEqual(untuned[0].path, first[0].path, 'the flags are part of the name');
  });

  it('writes the cache anew after a run that took at least twice the CPU time of the run that wrote it', function () {
    this.timeout(60_000);
    const env = freshHome();
    runCli([join(REPO_ROOT, 'examples')], { env });
    const [small] = cacheFiles(env);
    const writerCpuMs = (path: string) => readFileSync(path).readDoubleLE(0);
    const smallCpuMs = writerCpuMs(small.path);
    // A folder big enough that linting it outweighs starting up, on any machine.
    const folder = mkdtempSync(join(tmpdir(), 'postlint-many-'));
    const texts = readdirSync(join(REPO_ROOT, 'examples')).map((name) => readFileSync(join(REPO_ROOT, 'examples', name), 'utf8'));
    for (let i = 0; i < 3000; i++) writeFileSync(join(folder, `${i}.post.md`), `${texts[i % texts.length]}\n${i}\n`);

    runCli([folder], { env });
    const [large] = cacheFiles(env);
    assert.equal(large.path, small.path);
    assert.notEqual(large.mtimeMs, small.mtimeMs, 'the larger run wrote the cache');
    // The file starts with the CPU time of the run that wrote it.
    assert.ok(writerCpuMs(large.path) >= 2 * smallCpuMs, `${writerCpuMs(large.path)} ms against ${smallCpuMs} ms`);

    runCli([folder], { env });
    assert.deepEqual(cacheFiles(env), [large], 'a run of the same size keeps it');
    runCli([join(REPO_ROOT, 'examples')], { env });
    assert.deepEqual(cacheFiles(env), [large], 'and so does a smaller one');
  });

  it('loads no deprecated Node module (Node 21 and later would warn on every run)', () => {
    // Node 20 raises the warnings that later versions print unasked when asked to.
    const run = runCli([...posts, '--format', 'json'], { env: { ...freshHome(), NODE_OPTIONS: '--pending-deprecation' } });
    assert.equal(run.status, 1, run.stderr);
    assert.doesNotMatch(run.stderr, /DeprecationWarning/);
  });

  it('prints byte for byte the same with and without its V8 tuning', () => {
    const tuned = runCli([...posts, '--format', 'json'], { env: freshHome() });
    const untuned = runCli([...posts, '--format', 'json'], { env: { ...freshHome(), POSTLINT_NO_V8_TUNING: '1' } });
    assert.equal(tuned.status, 1, tuned.stderr);
    assert.ok(JSON.parse(tuned.stdout).length > 50, 'every example and fixture is linted');
    assert.equal(tuned.stdout, untuned.stdout);
    assert.equal(tuned.stderr, untuned.stderr);
  });
});

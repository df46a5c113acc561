import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWordLists, MAX_WORD_LIST_BYTES } from '../../server/src/host/wordLists';
import { runCli } from '../helpers/cli';
import { tempWorkspace, type CliJsonFile } from '../helpers/workspace';

const POST = 'Our app now runs on android. Buy now, act fast: the beta closes Friday.\n\n![A screenshot](a.png)\n\nWhat would you try first?\n';

function rulesIn(stdout: string): string[][] {
  return (JSON.parse(stdout) as CliJsonFile[]).map((f) => f.diagnostics.map((d) => `${d.rule}:${d.severity}`));
}

describe('CLI settings (dist/cli.js)', () => {
  it('reads JSONC settings at or above each file, so two folders can differ', () => {
    const root = tempWorkspace({
      'team-a/.vscode/settings.json': '{\n  // house rule\n  "postlint.patterns": [{ "pattern": "\\\\bandroid\\\\b", "message": "Write Android.", }],\n}',
      'team-a/drafts/a.post.md': POST,
      'team-b/.vscode/settings.json': '{ "postlint.rules": { "formatting/pattern": "off", "hard-selling": "off" } }',
      'team-b/b.post.md': POST,
    });
    const run = runCli(['team-a', 'team-b', '--format', 'json'], { cwd: root });
    assert.equal(run.stderr, '');
    const [a, b] = rulesIn(run.stdout);
    assert.ok(a.includes('formatting/pattern:warning'), a.join());
    assert.ok(!b.some((r) => r.startsWith('formatting/pattern') || r.startsWith('hard-selling')), b.join());
  });

  it('--config names the settings file; a missing one is a configuration error (exit 2)', () => {
    const root = tempWorkspace({ 'ci/postlint.json': '{ "postlint.rules": { "hard-selling": "error" } }', 'a.post.md': POST });
    const run = runCli(['a.post.md', '--config', 'ci/postlint.json', '--format', 'json'], { cwd: root });
    assert.ok(rulesIn(run.stdout)[0].includes('hard-selling:error'));
    const missing = runCli(['a.post.md', '--config', 'ci/nope.json'], { cwd: root });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.json: cannot read \(ENOENT\)/);
    assert.equal(missing.stdout, '');
  });

  it('reads word lists (YAML and JSON) relative to the workspace folder', () => {
    const root = tempWorkspace({
      '.vscode/settings.json': '{ "postlint.wordLists": ["lists/brand.yaml", "lists/allow.json"] }',
      'lists/brand.yaml': 'hardSelling:\n  - phrase: act fast\n    rewrite: have a look\n',
      'lists/allow.json': '{ "allow": ["android"] }',
      'drafts/a.post.md': POST,
    });
    const run = runCli(['drafts', '--format', 'json'], { cwd: root });
    assert.equal(run.stderr, '');
    const [file] = JSON.parse(run.stdout) as CliJsonFile[];
    const fromList = file.diagnostics.filter((d) => d.rule === 'hard-selling' && /word list/.test(d.message));
    assert.deepEqual(fromList.map((d) => d.range.start.character), [POST.indexOf('act fast')]);
  });

  it('warns, naming the setting and the path, when a word list is missing or outside the workspace, and lints on', () => {
    const root = tempWorkspace({
      'ws/.vscode/settings.json': '{ "postlint.wordLists": ["lists/missing.yaml", "../outside.yaml"], "postlint.patterns": [{ "pattern": "(?=x)", "message": "m" }, { "pattern": "android", "message": "Write Android." }] }',
      'outside.yaml': 'allow: [android]\n',
      'ws/a.post.md': POST,
    });
    const run = runCli(['a.post.md', '--format', 'json'], { cwd: join(root, 'ws') });
    // It lints on: 1 is the post's own verdict (a call to buy with a deadline is an error), not a crash (2).
    assert.equal(run.status, 1);
    assert.ok((JSON.parse(run.stdout) as CliJsonFile[])[0].diagnostics.some((d) => d.rule === 'hard-selling' && d.severity === 'error'));
    assert.match(run.stderr, /postlint\.wordLists\[0\]: "lists\/missing\.yaml": does not exist/);
    assert.match(run.stderr, /postlint\.wordLists\[1\]: "\.\.\/outside\.yaml": is outside the workspace folder/);
    assert.match(run.stderr, /postlint\.patterns\[0\]\.pattern: cannot be used/);
    assert.ok(rulesIn(run.stdout)[0].includes('formatting/pattern:warning'));
  });

  it('skips a folder whose settings turn postlint off', () => {
    const root = tempWorkspace({ 'off/.vscode/settings.json': '{ "postlint.enable": false }', 'off/a.post.md': POST, 'on/b.post.md': POST });
    const run = runCli(['off', 'on', '--format', 'json'], { cwd: root });
    assert.deepEqual((JSON.parse(run.stdout) as CliJsonFile[]).map((f) => f.file), ['on/b.post.md']);
  });

  it('obeys inline directives and requireDisableReason', () => {
    const post = `<!-- postlint-disable-file hard-selling -->\n${POST}`;
    const root = tempWorkspace({ '.vscode/settings.json': '{ "postlint.requireDisableReason": true }', 'a.post.md': post });
    const rules = rulesIn(runCli(['a.post.md', '--format', 'json'], { cwd: root }).stdout)[0];
    assert.ok(!rules.some((r) => r.startsWith('hard-selling')), rules.join());
    assert.ok(rules.includes('formatting/directive:warning'), rules.join());
  });
});

describe('word-list files as hosts read them (host/wordLists.ts)', () => {
  const settings = (paths: string[]) => ({ wordLists: paths });

  it('refuses paths outside the folder: ../, absolute elsewhere, and symbolic links out', () => {
    const root = tempWorkspace({ 'ws/lists/ok.json': '{"allow":["a"]}', 'secret.yaml': 'allow: [x]\n' });
    const ws = join(root, 'ws');
    symlinkSync(join(root, 'secret.yaml'), join(ws, 'lists', 'link.yaml'));
    const { data, files } = readWordLists(settings(['lists/ok.json', '../secret.yaml', join(root, 'secret.yaml'), 'lists/link.yaml']), ws);
    assert.deepEqual(data[0], { path: 'lists/ok.json', content: { allow: ['a'] } });
    for (const refused of data.slice(1)) assert.match(refused.problem?.en ?? '', /outside the workspace folder/, refused.path);
    // Only paths inside the folder are worth watching.
    assert.deepEqual(files, [join(ws, 'lists/ok.json'), join(ws, 'lists/link.yaml')]);
  });

  it('explains a missing file, a wrong extension, a file too large, broken JSON or YAML, and no folder', () => {
    const root = tempWorkspace({ 'notes.txt': 'x', 'bad.json': '{ nope', 'bad.yaml': 'allow: [unclosed\n' });
    writeFileSync(join(root, 'big.json'), `"${'x'.repeat(MAX_WORD_LIST_BYTES)}"`);
    mkdirSync(join(root, 'dir.json'));
    const { data } = readWordLists(settings(['missing.json', 'notes.txt', 'big.json', 'bad.json', 'bad.yaml', 'dir.json']), root);
    const problems = data.map((d) => d.problem?.en);
    assert.match(problems[0]!, /does not exist/);
    assert.match(problems[1]!, /must be a \.json, \.yaml or \.yml file/);
    assert.match(problems[2]!, /may be at most 512 KB/);
    assert.match(problems[3]!, /is not valid JSON/);
    assert.match(problems[4]!, /is not valid YAML/);
    assert.match(problems[5]!, /is not a file/);
    assert.match(readWordLists(settings(['a.json']), undefined).data[0].problem!.en, /no workspace folder/);
  });
});

// Every fix and every suggestion, applied to real and generated posts, leaves well-formed copy: no
// doubled punctuation, no line opening with a mark, no double space, no space before a mark, no empty
// `##` or brackets, no "a" before a vowel. And `--fix` converges: a second run changes nothing.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { lint, type PostlintSettings } from '../../server/src/engine';
import { applyEdits, fixAll } from '../../server/src/engine';
import { REPO_ROOT } from '../helpers/paths';
import { document, runs, seedOption } from '../property/arbitraries';
import { addedArtifacts, type ArtifactKind } from './artifacts';
import { DRAFTS_EN, DRAFTS_MARKDOWN, DRAFTS_ZH } from './drafts';

const SETTINGS: PostlintSettings = {};
const WEIBO: PostlintSettings = { platform: 'weibo' };

function postsIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.post.md'))
    .map((name) => readFileSync(join(dir, name), 'utf8'));
}

/** Records per corpus file: enough to meet every rule's phrases, few enough for the default suite. */
const CORPUS_PER_FILE = 120;

function corpusPosts(): string[] | null {
  const dir = join(REPO_ROOT, '..', 'shared', 'corpus');
  if (!existsSync(dir)) return null;
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .flatMap((name) =>
      readFileSync(join(dir, name), 'utf8')
        .split('\n')
        .filter(Boolean)
        .slice(0, CORPUS_PER_FILE)
        .map((line) => (JSON.parse(line) as { text: string }).text),
    );
}

/** What went wrong on one post, or nothing. */
export function problemsOf(text: string, settings: PostlintSettings, ignore: readonly ArtifactKind[] = []): string[] {
  const problems: string[] = [];
  const newArtifacts = (before: string, after: string) => addedArtifacts(before, after).filter((a) => !ignore.some((kind) => a.startsWith(kind)));
  for (const d of lint(text, settings).diagnostics) {
    for (const fix of d.fixes) {
      const added = newArtifacts(text, applyEdits(text, fix.offsetEdits));
      if (added.length > 0) problems.push(`${d.rule} "${fix.title}" (${fix.kind}) adds ${added.join(', ')}`);
    }
  }
  const once = fixAll(text, settings);
  const added = newArtifacts(text, once.text);
  if (added.length > 0) problems.push(`fix-all adds ${added.join(', ')}:\n${once.text}`);
  const twice = fixAll(once.text, settings);
  if (twice.text !== once.text) problems.push(`a second fix-all changes the text:\n${once.text}\n->\n${twice.text}`);
  return problems;
}

function assertClean(posts: readonly string[], settings: PostlintSettings): void {
  const failures = posts.flatMap((text) => problemsOf(text, settings).map((p) => `${JSON.stringify(text.slice(0, 80))}: ${p}`));
  assert.deepEqual(failures, []);
}

describe('fixes and suggestions leave well-formed copy', function () {
  // Each post is linted, every offer applied and fix-all run twice: seconds, not the default 20.
  this.timeout(120_000);
  const drafts = [...DRAFTS_ZH, ...DRAFTS_EN, ...DRAFTS_MARKDOWN];

  it(`on ${drafts.length} drafts, with the default platform and with Weibo`, () => {
    assert.ok(drafts.length >= 80);
    assertClean(drafts, SETTINGS);
    assertClean(drafts, WEIBO);
  });

  it('on the examples and the fixtures', () => {
    const posts = [...postsIn(join(REPO_ROOT, 'examples')), ...postsIn(join(REPO_ROOT, 'test', 'fixtures'))];
    assert.ok(posts.length > 50);
    assertClean(posts, SETTINGS);
  });

  it('on the quality drafts (test/quality), with the default platform and with Weibo', () => {
    const posts = postsIn(join(REPO_ROOT, 'test', 'quality'));
    assert.ok(posts.length >= 100, `only ${posts.length} quality drafts`);
    assertClean(posts, SETTINGS);
    assertClean(posts, WEIBO);
  });

  it('on the shared corpus', function () {
    const posts = corpusPosts();
    if (!posts) {
      console.log('    (skipped: ../shared/corpus is absent; the drafts and fixtures above still ran)');
      this.skip();
    }
    assertClean(posts, SETTINGS);
  });

  it('on generated posts', () => {
    fc.assert(
      fc.property(document, (text) => {
        // Letter soup ("aaa *a a*") has no English for the a/an rule to judge; real posts above do.
        assert.deepEqual(problemsOf(text, SETTINGS, ['a/an disagreement']), []);
      }),
      // A fixed seed in the suite keeps `npm test` repeatable; FUZZ_SEED and FUZZ_RUNS explore further.
      { numRuns: runs(100), seed: 15, ...seedOption() },
    );
  });

  it('the Weibo sale post: fix-all on save leaves well-formed Chinese with its real problems still reported', () => {
    const post = '限时抢购!全场五折,立即下单!错过今天再等一年,库存有限,手慢无!…扫码关注官方旗舰店,前100名下单还送定制杯套!\n';
    const fixed = fixAll(post, WEIBO).text;
    assert.equal(fixed, '限时抢购！全场五折，立即下单！错过今天再等一年，库存有限，手慢无！…扫码关注官方旗舰店，前100名下单还送定制杯套！\n');
    const left = lint(fixed, WEIBO).diagnostics.map((d) => d.rule);
    for (const rule of ['hard-selling', 'no-hook', 'no-media']) assert.ok(left.includes(rule), `${rule} still reported: ${left.join(', ')}`);
  });
});

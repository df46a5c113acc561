import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Diagnostic, Range } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../helpers/lspClient';
import { REPO_ROOT } from '../helpers/paths';

/** Findings about the whole post; every other finding points at words. */
const POST_LEVEL = new Set(['no-hook', 'no-media']);

function postsUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.post.md'))
    .map((name) => join(folder, name))
    .sort();
}

const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);
const same = (a: Range['start'], b: Range['start']) => a.line === b.line && a.character === b.character;

/** Whether two ranges share a character; an empty range counts as the character after it. */
function overlaps(a: Range, b: Range): boolean {
  const endOf = (r: Range) => (same(r.start, r.end) ? { line: r.start.line, character: r.start.character + 1 } : r.end);
  return before(a.start, endOf(b)) && before(b.start, endOf(a));
}

describe('post-level findings over LSP (dist/server.js)', () => {
  const posts = [...postsUnder(join(REPO_ROOT, 'test', 'fixtures')), ...postsUnder(join(REPO_ROOT, 'test', 'quality'))];
  let client: TestLspClient | undefined;
  afterEach(() => client?.shutdown());

  it('no-hook and no-media sit on one word that no phrase finding covers, in every fixture and quality draft', async () => {
    assert.ok(posts.length > 100, `only ${posts.length} posts found`);
    client = new TestLspClient();
    await client.initialize();
    let postLevel = 0;
    const problems: string[] = [];
    for (const [i, path] of posts.entries()) {
      const uri = `file:///posts/${i}.post.md`;
      const text = readFileSync(path, 'utf8');
      client.open(uri, text);
      const diagnostics: Diagnostic[] = (await client.diagnosticsFor(uri, 1)).filter((d) => d.source === 'postlint');
      client.close(uri);
      const phrases = diagnostics.filter((d) => !POST_LEVEL.has(String(d.code)));
      for (const d of diagnostics.filter((d) => POST_LEVEL.has(String(d.code)))) {
        postLevel++;
        // One line at most: never a paragraph's or a post's worth of underline.
        if (d.range.start.line !== d.range.end.line) problems.push(`${relative(REPO_ROOT, path)}: ${d.code} spans lines ${d.range.start.line}-${d.range.end.line}`);
        for (const p of phrases) {
          if (overlaps(d.range, p.range)) problems.push(`${relative(REPO_ROOT, path)}: ${d.code} ${JSON.stringify(d.range)} overlaps ${p.code} ${JSON.stringify(p.range)}`);
        }
      }
    }
    assert.ok(postLevel > 50, `only ${postLevel} post-level findings: the check would prove little`);
    assert.deepEqual(problems, []);
  });

  it('on the Weibo flyer, no-hook sits on its last word and no-media on the first word no phrase finding covers', async () => {
    client = new TestLspClient({ settings: { platform: 'weibo' } });
    await client.initialize();
    const uri = 'file:///posts/flyer.post.md';
    const text = '限时抢购!全场五折,立即下单!错过今天再等一年,库存有限,手慢无!…扫码关注官方旗舰店,前100名下单还送定制杯套!\n';
    client.open(uri, text);
    const diagnostics = await client.diagnosticsFor(uri, 1);
    const at = (code: string) => {
      const d = diagnostics.find((x) => x.code === code)!;
      return text.slice(d.range.start.character, d.range.end.character);
    };
    assert.equal(at('no-hook'), '套');
    // 错过今天再等 is itself a finding (urgency), so the first word no phrase covers is the 一 of 一年.
    assert.equal(at('no-media'), '一');
  });
});

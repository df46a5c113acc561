// `postlint preview` as a reviewer meets it: the built CLI writes an HTML file, headless Chromium opens it,
// and the cards it draws are compared with the engine's model through the data attributes (not pixels).
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PLATFORM_IDS } from '../../server/src/engine';
import { previewPost, type PreviewModel } from '../../server/src/engine/preview';
import { runCli } from '../helpers/cli';
import { REPO_ROOT } from '../helpers/paths';

const CHROMIUM = process.env.POSTLINT_E2E_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
const ZH = '我们花了三个月，把每一条帖子都当成一次对话来写。先听用户在聊什么，再决定自己说什么！';

/** A post for every platform: long enough to fold, a thread of three, images (one missing), a video link, raw Markdown and HTML. */
const POST = `---
platform: [${PLATFORM_IDS.join(', ')}]
---
1/3 **Big news**: ${ZH.repeat(3)} #postlint @alice <b>not bold</b> 立即抢购，限时秒杀！
We rebuilt onboarding this quarter and learned a lot about what new teams need, and we wrote it all down.

![the dashboard](images/shot.png)
![a chart that is not there](images/gone.png)

<!-- thread -->

2/3 Watch the demo: https://youtu.be/abc123 and read https://www.example.com/blog/launch-post-details

<!-- thread -->

3/3 What would you build with it?
`;

interface DomCard {
  platform: string;
  parts: string[];
  folds: number[];
  media: string[][];
  marks: { rule: string; finding: number }[];
  images: string[];
}

/** The little of the DOM the checks read (the tests' TypeScript has no DOM library). */
interface Node {
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<Node>;
}

async function readCards(page: Page): Promise<DomCard[]> {
  // No named functions inside: the test runner's transform would wrap them in a helper the page lacks.
  return page.$$eval('[data-platform]', (elements) =>
    (elements as unknown as Node[]).map((card) => ({
      platform: card.getAttribute('data-platform')!,
      parts: Array.from(card.querySelectorAll('[data-part]')).map((part) => part.getAttribute('data-part')!),
      folds: Array.from(card.querySelectorAll('[data-fold]')).map((fold) => Number(fold.getAttribute('data-fold'))),
      media: Array.from(card.querySelectorAll('[data-part]')).map((part) => Array.from(part.querySelectorAll('[data-media]')).map((slot) => slot.getAttribute('data-media')!)),
      marks: Array.from(card.querySelectorAll('[data-rule]')).map((mark) => ({ rule: mark.getAttribute('data-rule')!, finding: Number(mark.getAttribute('data-finding')) })),
      images: Array.from(card.querySelectorAll('[data-media] img')).map((img) => img.getAttribute('src')!.slice(0, 22)),
    })),
  );
}

/** What the DOM should hold, read from the model the same way. */
function expectedCards(model: PreviewModel): DomCard[] {
  return model.cards.map((card) => ({
    platform: card.platform,
    parts: card.parts.map((part) => `${part.index}/${part.total}`),
    folds: card.parts.flatMap((part) => (part.fold !== undefined && part.segments.some((s) => s.folded) ? [part.fold] : [])),
    media: card.parts.map((part) => part.media.slice(0, part.shown).map((m) => m.kind)),
    marks: card.parts.flatMap((part) => part.segments.filter((s) => s.finding !== undefined).map((s) => ({ rule: card.findings[s.finding!].rule, finding: s.finding! }))),
    images: card.parts.flatMap((part) => part.media.slice(0, part.shown).filter((m) => m.kind === 'image').map(() => 'data:image/png;base64,')),
  }));
}

describe('postlint preview (the CLI, rendered in headless Chromium)', function () {
  this.timeout(60_000);
  let dir: string;
  let browser: Browser;

  before(async () => {
    assert.ok(existsSync(CHROMIUM), `Chromium is needed at ${CHROMIUM} (Debian: apt-get install chromium fonts-noto-cjk; elsewhere set POSTLINT_E2E_CHROMIUM)`);
    dir = mkdtempSync(join(tmpdir(), 'postlint-preview-'));
    mkdirSync(join(dir, 'images'));
    copyFileSync(join(REPO_ROOT, 'images', 'icon.png'), join(dir, 'images', 'shot.png'));
    writeFileSync(join(dir, 'launch.post.md'), POST);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(file: string): Promise<{ page: Page; requests: string[] }> {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`file://${file}`);
    return { page, requests };
  }

  it('draws one card per target platform, all nine, matching the model, and loads nothing from the network', async () => {
    const run = runCli(['preview', 'launch.post.md', '-o', 'out.html'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    const exists = (src: string) => existsSync(join(dir, src));
    const model = previewPost(POST, { locale: 'en', restricted: false }, { mediaExists: exists, title: 'launch.post.md' });
    assert.deepEqual(model.cards.map((card) => card.platform), PLATFORM_IDS);

    const { page, requests } = await open(join(dir, 'out.html'));
    const dom = await readCards(page);
    assert.deepEqual(dom, expectedCards(model));
    // What the contract promises, checked on the page itself, not only against the model.
    const byPlatform = Object.fromEntries(dom.map((card) => [card.platform, card]));
    assert.deepEqual(byPlatform.x.parts, ['1/3', '2/3', '3/3']);
    assert.deepEqual(byPlatform.linkedin.parts, ['1/1']);
    assert.deepEqual(byPlatform.weibo.folds, [140]);
    assert.deepEqual(byPlatform.linkedin.folds, [210]);
    assert.deepEqual(byPlatform.x.media[0], ['image', 'missing']);
    assert.ok(byPlatform.x.media[1].includes('video'));
    for (const card of dom) assert.ok(card.marks.some((mark) => mark.rule === 'formatting/markdown'), `${card.platform} marks the raw **`);
    // The draft's HTML is text on the page, never markup.
    assert.equal(await page.$$eval('.text b', (elements) => elements.length), 0);
    assert.ok((await page.textContent('[data-platform="x"] [data-part="1/3"] .text'))!.includes('<b>not bold</b>'));
    assert.deepEqual(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:')), []);
    await page.close();
  });

  it('reveals the folded rest on click, without a script', async () => {
    const { page } = await open(join(dir, 'out.html'));
    const rest = page.locator('[data-platform="weibo"] .rest');
    assert.equal(await rest.isVisible(), false);
    await page.click('[data-platform="weibo"] [data-fold]');
    assert.equal(await rest.isVisible(), true);
    assert.equal(await page.$$eval('script', (scripts) => scripts.length), 0);
    await page.close();
  });

  it('draws only the --platform card, and writes to stdout without -o; bad arguments exit 2 naming the problem', async () => {
    const run = runCli(['preview', 'launch.post.md', '--platform', 'weibo', '--locale', 'zh-CN'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    writeFileSync(join(dir, 'weibo.html'), run.stdout);
    const { page } = await open(join(dir, 'weibo.html'));
    assert.deepEqual(await page.$$eval('[data-platform]', (cards) => cards.map((card) => card.getAttribute('data-platform'))), ['weibo']);
    assert.match((await page.textContent('.finding-count'))!, /个问题/);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    await page.close();

    const none = runCli(['preview'], { cwd: dir });
    assert.equal(none.status, 2);
    assert.match(none.stderr, /postlint preview needs at least one post file/);
    const missing = runCli(['preview', 'nope.post.md'], { cwd: dir });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.post\.md/);
    const platform = runCli(['preview', 'launch.post.md', '--platform', 'myspace'], { cwd: dir });
    assert.equal(platform.status, 2);
    assert.match(platform.stderr, /myspace/);
    assert.ok(readFileSync(join(dir, 'out.html'), 'utf8').length > 0);
  });
});

// The browser side of the suite's requests (`test/e2e/suite/driver.ts`): the tests run in the extension
// host, which can neither take a screenshot of the workbench nor click inside a webview; they write a
// request file into the driver folder, and this loop, beside the page, carries it out and answers.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export interface DriverRequest {
  action: 'screenshot' | 'click';
  /** screenshot: the file name (without `.png`) under the run's `screenshots/` folder. */
  name?: string;
  /** click: a CSS selector, looked up in the page and in every frame (webviews are nested iframes). */
  selector?: string;
  /** screenshot: first move the mouse onto the element this selector finds (a status bar item, for its tooltip). */
  hover?: string;
  /** screenshot: wait until an element this selector finds is visible (a menu, a tooltip), so the picture shows it. */
  waitFor?: string;
}

export interface DriverAnswer {
  ok: boolean;
  error?: string;
}

const POLL_MS = 100;

/** Serves requests until `stop` is called. Screenshots go to `<runDir>/screenshots/`, the run's artefacts. */
export function serveDriver(page: Page, driverDir: string, runDir: string): { stop(): void } {
  mkdirSync(driverDir, { recursive: true });
  let stopped = false;
  const handled = new Set<string>();
  const loop = async () => {
    while (!stopped) {
      for (const file of readdirSync(driverDir).filter((name) => name.endsWith('.request.json')).sort()) {
        if (handled.has(file)) continue;
        handled.add(file);
        const answerFile = join(driverDir, file.replace('.request.json', '.answer.json'));
        const answer = await carryOut(page, JSON.parse(readFileSync(join(driverDir, file), 'utf8')) as DriverRequest, runDir).catch((error: Error) => ({ ok: false, error: error.message }));
        // Renamed into place, so the suite never reads half an answer.
        writeFileSync(`${answerFile}.tmp`, JSON.stringify(answer));
        renameSync(`${answerFile}.tmp`, answerFile);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };
  void loop();
  return { stop: () => (stopped = true) };
}

async function carryOut(page: Page, request: DriverRequest, runDir: string): Promise<DriverAnswer> {
  if (request.action === 'screenshot') {
    const folder = join(runDir, 'screenshots');
    if (!existsSync(folder)) mkdirSync(folder, { recursive: true });
    if (request.hover) await page.locator(request.hover).first().hover({ timeout: 10_000 });
    if (request.waitFor) await page.locator(request.waitFor).first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.screenshot({ path: join(folder, `${String(request.name).replace(/[^\w.-]+/g, '-')}.png`) });
    return { ok: true };
  }
  if (request.action === 'click') {
    // A locator finds its element again at the click: a webview redrawn in between (a lint finished) is no failure.
    for (const frame of page.frames()) {
      const target = frame.locator(request.selector!).first();
      if ((await target.count().catch(() => 0)) === 0) continue;
      await target.click({ timeout: 10_000 });
      return { ok: true };
    }
    return { ok: false, error: `nothing matches ${request.selector} in the page or its frames` };
  }
  return { ok: false, error: `unknown action ${String(request.action)}` };
}

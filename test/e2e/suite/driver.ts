// Requests to the launcher that drives the browser (scripts/e2e/driver.ts): the extension host cannot
// take a screenshot of the workbench or click inside a webview, so the suite asks for it through files.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DRIVER_ENV } from '../scenarios';

const ANSWER_MS = 20_000;
let sequence = 0;

async function ask(request: { action: 'screenshot' | 'click'; name?: string; selector?: string; hover?: string; waitFor?: string }): Promise<void> {
  const folder = process.env[DRIVER_ENV];
  assert.ok(folder, `${DRIVER_ENV} is unset: screenshots and clicks in webviews need the code-server launcher (scripts/e2e/run.ts), which drives the browser`);
  const id = `${process.pid}-${String(++sequence).padStart(4, '0')}`;
  const file = join(folder, `${id}.request.json`);
  writeFileSync(`${file}.tmp`, JSON.stringify(request));
  renameSync(`${file}.tmp`, file);
  const answerFile = join(folder, `${id}.answer.json`);
  const deadline = Date.now() + ANSWER_MS;
  while (!existsSync(answerFile)) {
    if (Date.now() > deadline) assert.fail(`the browser driver did not answer ${JSON.stringify(request)} within ${ANSWER_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const answer = JSON.parse(readFileSync(answerFile, 'utf8')) as { ok: boolean; error?: string };
  assert.ok(answer.ok, `the browser driver could not ${request.action}: ${answer.error}`);
}

/**
 * A screenshot of the whole workbench, kept with the run's artefacts as `screenshots/<name>.png`. `waitFor` (a CSS
 * selector) holds it until that element shows, e.g. a menu the test opened; `hover` moves the mouse onto an element first.
 */
export function screenshot(name: string, options: { waitFor?: string; hover?: string } = {}): Promise<void> {
  return ask({ action: 'screenshot', name, ...options });
}

/** A real mouse click on the first element matching `selector` in the page or any frame (webviews are iframes). */
export function click(selector: string): Promise<void> {
  return ask({ action: 'click', selector });
}

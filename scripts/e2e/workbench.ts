// Opens a web workbench in headless Chromium and waits for it to report the tests' exit code:
// code-server's, with the extension under development and the test entry point in the page URL
// (code-server takes neither on its command line), or @vscode/test-web's, which serves them itself.
import { appendFileSync, createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { REPORT_MARK } from '../../test/e2e/scenarios';
import { serveDriver } from './driver';
import { CHROMIUM_PATH } from './paths';

export interface CodeServerPage {
  /** `127.0.0.1:PORT` of the running code-server. */
  authority: string;
  /** What to open: a folder, or a `.code-workspace` file. */
  open: { folder: string } | { workspace: string };
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  /**
   * `web` runs the extension under development, and so the tests, in the browser's web worker
   * extension host instead of the server's Node one.
   */
  extensionDevelopmentKind?: 'web';
}

export interface WorkbenchRun {
  url: string;
  /** Browser profile and console log go here. */
  runDir: string;
  /** Where the suite drops its requests for the browser (screenshots, clicks in webviews); see `driver.ts`. */
  driverDir?: string;
  timeoutMs: number;
  /** Where the web pass's report goes: the console lines it marks with REPORT_MARK. */
  reportFile?: string;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function workbenchUrl(run: CodeServerPage): string {
  // The extension host runs on the server: the URIs name it with the authority the browser uses.
  const remote = (path: string) => `vscode-remote://${run.authority}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(run.extensionDevelopmentPath)],
    ['extensionTestsPath', remote(run.extensionTestsPath)],
    ...(run.extensionDevelopmentKind ? [['extensionDevelopmentKind', run.extensionDevelopmentKind]] : []),
  ];
  const target = 'folder' in run.open ? `folder=${encodeURIComponent(run.open.folder)}` : `workspace=${encodeURIComponent(run.open.workspace)}`;
  return `http://${run.authority}/?${target}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Resolves with the exit code the tests ended with. */
export async function runTestsInWorkbench(run: WorkbenchRun): Promise<number> {
  const profile = join(run.runDir, 'browser');
  mkdirSync(profile, { recursive: true });
  const consoleLog = createWriteStream(join(run.runDir, 'browser-console.log'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => consoleLog.write(`${new Date().toISOString()} [${message.type()}] ${message.text()}\n`));
    page.on('pageerror', (error) => consoleLog.write(`[pageerror] ${error.stack ?? error.message}\n`));
    let exit!: (code: number) => void;
    const exitCode = new Promise<number>((resolve) => (exit = resolve));
    // The workbench calls this when the extension tests settle, as it does for VS Code's own smoke tests.
    await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
    // The workbench relays its log and the extension hosts' console here when the page offers it.
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const text = args.map(String).join(' ');
      consoleLog.write(`${new Date().toISOString()} [relayed ${type}] ${text}\n`);
      if (run.reportFile && text.startsWith(REPORT_MARK)) appendFileSync(run.reportFile, `${text.slice(REPORT_MARK.length)}\n`);
    });
    const driver = run.driverDir ? serveDriver(page, run.driverDir, run.runDir) : undefined;
    await page.goto(run.url);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the tests did not finish within ${run.timeoutMs} ms`)), run.timeoutMs);
    });
    try {
      return await Promise.race([exitCode, timeout]);
    } finally {
      clearTimeout(timer);
      driver?.stop();
    }
  } finally {
    await context.close();
    consoleLog.end();
    // Hundreds of files nobody reads; `vsce package` would walk them all.
    rmSync(profile, { recursive: true, force: true });
  }
}

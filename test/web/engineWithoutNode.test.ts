// The engine runs in a browser worker on vscode.dev and github.dev, where Node's globals do not
// exist. Here its bundle runs in a V8 context holding only the language's own globals (no `Buffer`,
// `process`, `require`, not even timers) and must lint exactly as it does in Node.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import * as esbuild from 'esbuild';
import fc from 'fast-check';
import { lint, type LintOutput, type PostlintSettings } from '../../server/src/engine';
import { utf8Size } from '../../server/src/engine/fileSize';
import { browserBundle } from '../../scripts/bundleOptions.mjs';
import { REPO_ROOT } from '../helpers/paths';

type Lint = (text: string, settings?: PostlintSettings) => LintOutput;

/** The engine bundled for the browser with dist/web/server.js's options, loaded into a bare context. */
async function engineInBareContext(): Promise<{ lint: Lint; globals: Record<string, string> }> {
  const result = await esbuild.build({
    ...browserBundle({ production: false, version: 'test' }),
    entryPoints: [join(REPO_ROOT, 'server', 'src', 'engine', 'index.ts')],
    write: false,
    sourcemap: false,
    format: 'iife',
    globalName: 'postlintEngine',
    logLevel: 'silent',
  });
  const context = createContext({});
  runInContext(result.outputFiles[0].text, context, { filename: 'engine.browser.js' });
  const globals = runInContext(`({ Buffer: typeof Buffer, process: typeof process, require: typeof require, setTimeout: typeof setTimeout })`, context) as Record<string, string>;
  return { lint: (runInContext('postlintEngine', context) as { lint: Lint }).lint, globals };
}

/** What a host sees of a lint, as plain data (the bare context's objects have other prototypes). */
function plain(output: LintOutput): unknown {
  return JSON.parse(JSON.stringify(output));
}

const PARAGRAPH = 'We shipped a new build today. Which step of setup took you longest? Buy now, only today! ';
const CJK_PARAGRAPH = '我们今天发布了新版本，你觉得哪一步最费时间？欢迎留言。';

function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

describe('the engine without Node globals (a browser worker)', function () {
  this.timeout(60_000);
  let bare: Awaited<ReturnType<typeof engineInBareContext>>;
  before(async () => {
    bare = await engineInBareContext();
  });

  it('runs in a context with no Buffer, process, require or timers', () => {
    assert.deepEqual({ ...bare.globals }, { Buffer: 'undefined', process: 'undefined', require: 'undefined', setTimeout: 'undefined' });
  });

  const maxFileSize = 30_000;
  const cases: { name: string; text: string; settings: PostlintSettings; oversized: boolean }[] = [
    { name: 'a short post', text: PARAGRAPH, settings: { maxFileSize }, oversized: false },
    // Between a third of maxFileSize and maxFileSize in UTF-16 units: only here are the bytes counted.
    { name: '15,000 ASCII characters (15 KB, under 30 KB)', text: repeatTo(PARAGRAPH, 15_000), settings: { maxFileSize }, oversized: false },
    { name: '12,000 Chinese characters (36 KB, over 30 KB)', text: repeatTo(CJK_PARAGRAPH, 12_000), settings: { maxFileSize }, oversized: true },
    { name: '9,000 Chinese characters and emoji (27 KB, under 30 KB)', text: repeatTo(`${CJK_PARAGRAPH}👍🏽`, 9_000), settings: { maxFileSize }, oversized: false },
    { name: '40,000 characters (over 30 KB by length alone)', text: repeatTo(PARAGRAPH, 40_000), settings: { maxFileSize }, oversized: true },
    { name: '360,000 characters with the default maxFileSize (1 MiB)', text: repeatTo(PARAGRAPH, 360_000), settings: {}, oversized: false },
  ];
  for (const { name, text, settings, oversized } of cases) {
    it(`lints ${name} as Node does`, () => {
      const inBrowser = bare.lint(text, settings);
      const inNode = lint(text, settings);
      assert.deepEqual(plain(inBrowser), plain(inNode));
      assert.equal(inBrowser.ruleFailures.length, 0, JSON.stringify(inBrowser.ruleFailures));
      const rules = inBrowser.diagnostics.map((d) => d.rule);
      assert.equal(rules.includes('length/file-size'), oversized, `file-size finding: ${rules.join(', ')}`);
      if (!oversized) assert.ok(rules.length > 0, 'the post was really linted');
    });
  }
});

describe('utf8Size (length/file-size)', () => {
  it('counts UTF-8 bytes as Node writes them, lone surrogates as U+FFFD', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u)) }), (text, surrogates) => {
        const mixed = text + surrogates + text;
        assert.equal(utf8Size(mixed), Buffer.byteLength(mixed, 'utf8'));
      }),
    );
  });
});

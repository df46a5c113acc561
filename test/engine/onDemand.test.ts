// The engine's heavier dependencies load only when a lint needs them (server/src/engine/onDemand.ts).
// Each case lints in a fresh Node process and reads which of their packages that process loaded.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from '../helpers/paths';

const PACKAGES = { 'markdown-it': 'markdown-it/', yaml: 'yaml/', re2js: 're2js/', 'twitter-text': 'twitter-text/dist/index.js' };

/** The packages of PACKAGES loaded after linting `text` with `settings` in a new process. */
function loadedAfterLint(text: string, settings: object = {}): string[] {
  const script = `
    const { lint } = require('./server/src/engine');
    const diagnostics = lint(${JSON.stringify(text)}, ${JSON.stringify(settings)}).diagnostics;
    const files = Object.keys(require.cache).map((file) => file.replace(/\\\\/g, '/'));
    const packages = ${JSON.stringify(PACKAGES)};
    console.log(JSON.stringify(Object.keys(packages).filter((name) => files.some((file) => file.includes('/node_modules/' + packages[name])))));
    if (diagnostics.length === 0) process.exitCode = 3;
  `;
  const output = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: REPO_ROOT, encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').pop()!) as string[];
}

describe('dependencies loaded on demand', function () {
  this.timeout(60_000);

  it('a plain post with a plain link loads none of them', () => {
    assert.deepEqual(loadedAfterLint('BUY NOW!!! Only today: 50% off everything at https://example.com/sale\n\nDon’t miss it.'), []);
  });

  it('front matter loads yaml, a Markdown block markdown-it, a team pattern re2js, an unusual link twitter-text', () => {
    assert.deepEqual(loadedAfterLint('---\nplatform: x\n---\nBUY NOW!!! Only today.'), ['yaml']);
    assert.deepEqual(loadedAfterLint('# Big news\n\n- BUY NOW!!!\n- Only today.'), ['markdown-it']);
    assert.deepEqual(loadedAfterLint('BUY NOW!!! Only today.', { patterns: [{ pattern: 'today', message: 'no "today"' }] }), ['re2js']);
    assert.deepEqual(loadedAfterLint('BUY NOW!!! Only today at shop.example.com?ref=feed'), ['twitter-text']);
  });
});

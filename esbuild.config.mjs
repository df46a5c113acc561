// Bundles the entry points: the Node client, server and CLI, and the browser client and server
// (dist/web/, for vscode.dev and github.dev). The packaged extension carries no node_modules, so
// everything but the `vscode` module itself is inlined.
import { readFileSync, writeFileSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { browserBundle, nodeBundle } from './scripts/bundleOptions.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// `--outdir=<dir>` builds elsewhere than dist/ (the benchmark measures a production build without
// replacing the one the tests run); `--metafile` writes esbuild's metafile per bundle beside it.
const outdir = process.argv.find((arg) => arg.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist';
const metafile = process.argv.includes('--metafile');

const common = nodeBundle({ production, version: pkg.version });
const browser = browserBundle({ production, version: pkg.version });

const entries = [
  { entryPoints: ['client/src/node.ts'], outfile: `${outdir}/client.js`, external: ['vscode'] },
  { entryPoints: ['server/src/node.ts'], outfile: `${outdir}/postlint-server.js` },
  // The language server's entry point: runs postlint-server.js with V8's code cache (see server/src/launchServer.ts).
  { entryPoints: ['server/src/launchServer.ts'], outfile: `${outdir}/server.js`, sourcemap: false },
  { entryPoints: ['server/src/cli/main.ts'], outfile: `${outdir}/postlint-cli.js`, banner: { js: "#!/usr/bin/env node\nconst __postlintImportMetaUrl = require('url').pathToFileURL(__filename).href;" } },
  // The `postlint` command: runs postlint-cli.js with V8's code cache (see server/src/cli/launch.ts).
  { entryPoints: ['server/src/cli/launch.ts'], outfile: `${outdir}/cli.js`, sourcemap: false, banner: { js: '#!/usr/bin/env node' } },
  // The extension's `browser` entry: CommonJS, as the editor's web worker loads extensions.
  { ...browser, entryPoints: ['client/src/browser.ts'], outfile: `${outdir}/web/client.js`, format: 'cjs', external: ['vscode'] },
  // The server worker, started from a Blob URL: a plain script.
  { ...browser, entryPoints: ['server/src/browser.ts'], outfile: `${outdir}/web/server.js`, format: 'iife' },
];

if (watch) {
  for (const entry of entries) {
    const ctx = await esbuild.context({ ...(entry.platform === 'browser' ? {} : common), ...entry });
    await ctx.watch();
  }
} else {
  await Promise.all(
    entries.map(async (entry) => {
      const result = await esbuild.build({ ...(entry.platform === 'browser' ? {} : common), ...entry, metafile });
      if (metafile) writeFileSync(entry.outfile.replace(/\.js$/, '.meta.json'), JSON.stringify(result.metafile));
    }),
  );
}

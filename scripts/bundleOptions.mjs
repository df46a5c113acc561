// The esbuild options and plugins every bundle of postlint is built with.
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * twitter-text imports core-js 2 polyfills for ES2015 built-ins (RegExp, Array.from, String iterators) that
 * Node 20 and every browser VS Code runs in have: 28 KB a bundle, and code that runs at every start.
 */
export const noPolyfills = {
  name: 'no-core-js-polyfills',
  setup(build) {
    build.onResolve({ filter: /^core-js\/modules\// }, (args) => ({ path: args.path, namespace: 'no-polyfill' }));
    build.onLoad({ filter: /.*/, namespace: 'no-polyfill' }, () => ({ contents: '', loader: 'js' }));
  },
};

/**
 * markdown-it builds a linkify-it instance in its constructor whether or not linkify is on; postlint keeps it
 * off (`engine/parse/markdown.ts`: block pass only), so the 11 KB of URL grammar never runs. A stand-in that
 * finds no links keeps the constructor happy.
 */
export const noLinkify = {
  name: 'no-linkify',
  setup(build) {
    build.onResolve({ filter: /^linkify-it$/ }, (args) => ({ path: args.path, namespace: 'no-linkify' }));
    build.onLoad({ filter: /.*/, namespace: 'no-linkify' }, () => ({
      contents: 'export class LinkifyIt { test() { return false; } pretest() { return false; } match() { return null; } matchAtStart() { return null; } }',
      loader: 'js',
    }));
  },
};

/**
 * markdown-it decodes named character references (`&hearts;`) with the entities package's 2,000-name table:
 * 19 KB a bundle. postlint runs its block pass only (`engine/parse/markdown.ts`), where decoding touches just the
 * text of link reference definitions and fence info strings, never where a block starts or ends, and postlint
 * reads nothing else from its tokens. A stand-in leaves named references as written; markdown-it decodes
 * numeric ones (`&#9829;`) itself. Every bundle takes it, so the editor, the command and the web agree.
 */
export const noNamedEntities = {
  name: 'no-named-entities',
  setup(build) {
    build.onResolve({ filter: /^entities$/ }, (args) => ({ path: args.path, namespace: 'no-named-entities' }));
    build.onLoad({ filter: /.*/, namespace: 'no-named-entities' }, () => ({
      contents: 'export function decodeHTMLStrict(text) { return text; }',
      loader: 'js',
    }));
  },
};

/**
 * In the web worker the signal templates compile when the worker starts, as they would if the table were
 * stale: 87 KB less to download, against some 20 ms once per worker (the size budget is what a web user waits on).
 */
export const noCompiledSignals = {
  name: 'no-compiled-signals',
  setup(build) {
    build.onResolve({ filter: /signals\.compiled\.json$/ }, (args) => ({ path: args.path, namespace: 'no-compiled-signals' }));
    build.onLoad({ filter: /.*/, namespace: 'no-compiled-signals' }, () => ({ contents: '{}', loader: 'json' }));
  },
};

/**
 * The engine loads its heavier dependencies on first use (server/src/engine/onDemand.ts), which spares the
 * Node processes' starts. The web worker receives its one file whole, and there the code esbuild adds to
 * run each module on first call costs some 8 KB against the size budget; so the browser bundle imports
 * them up front, through the same `onDemand/` modules.
 */
export const onDemandUpFront = {
  name: 'on-demand-up-front',
  setup(build) {
    build.onLoad({ filter: /[\\/]server[\\/]src[\\/]engine[\\/]onDemand\.ts$/ }, () => ({
      loader: 'ts',
      contents: ['markdownIt', 'yaml', 're2', 'twitterText']
        .map((name) => `import * as ${name} from './onDemand/${name}';\nexport const ${name}Module = () => ${name};`)
        .join('\n'),
    }));
  },
};

/**
 * esbuild writes non-ASCII in strings as escapes but leaves it in regular-expression literals (twitter-text's,
 * the lexicons'): one such character makes Node hold the whole bundle as a two-byte string, read and hashed at
 * every start of the command and the server (some 10 ms). In a literal, `\uXXXX` is the same code unit, in `u`
 * mode too (a surrogate pair of escapes is one code point there); a backslash before the character was an
 * identity escape of it, which the escape replaces.
 */
function asciiOnly(code) {
  return code.replace(/(\\*)([\u0080-\uffff])/g, (_, slashes, c) => {
    const escape = `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    return (slashes.length % 2 === 1 ? slashes.slice(1) : slashes) + escape;
  });
}

export const asciiOutput = {
  name: 'ascii-output',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length > 0) return;
      const file = build.initialOptions.outfile;
      const code = readFileSync(file, 'utf8');
      const ascii = asciiOnly(code);
      if (ascii !== code) writeFileSync(file, ascii);
    });
  },
};

/**
 * How every Node bundle is built: the server, the command and the client (esbuild.config.mjs), and the
 * bundles the benchmark and the tests build from the same sources, so that they measure and run what ships.
 * `production` minifies and drops source maps; `version` is what `POSTLINT_VERSION` reads.
 */
export function nodeBundle({ production, version }) {
  return {
    plugins: [noPolyfills, noLinkify, noNamedEntities, asciiOutput],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    legalComments: 'none',
    // ESM entry points bundle cleanly (jsonc-parser's UMD build does not); ESM code that reads
    // import.meta.url (fdir) gets the bundle's own URL.
    mainFields: ['module', 'main'],
    // twitter-text asks for Node's own `punycode`, which Node 21 and later deprecate with a warning on
    // stderr and which costs a module load per run; the userland package (markdown-it's) is the same code.
    alias: { punycode: 'punycode.js' },
    define: { POSTLINT_VERSION: JSON.stringify(version), 'import.meta.url': '__postlintImportMetaUrl' },
    banner: { js: "const __postlintImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
  };
}

/**
 * The web worker has no Node: no builtins, no `require`, no `process`. Packages' browser builds are
 * preferred (yaml has one), and nothing may reach for a Node module: esbuild fails the build if it does.
 */
export function browserBundle({ production, version }) {
  return {
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    legalComments: 'none',
    mainFields: ['browser', 'module', 'main'],
    // Chinese messages and lexicons as UTF-8 rather than \u escapes: a third of the bytes.
    charset: 'utf8',
    alias: { punycode: 'punycode.js' },
    define: { POSTLINT_VERSION: JSON.stringify(version) },
    plugins: [noPolyfills, noLinkify, noNamedEntities, noCompiledSignals, onDemandUpFront],
  };
}

// dist/server.js, the language server's entry point: it runs the server bundle (dist/postlint-server.js, built
// from node.ts) from V8's code cache (`host/codeCache.ts`). Compiling the megabyte of JavaScript anew was
// some 40 ms of every start, before the first diagnostics.
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runWithCodeCache } from './host/codeCache';

/** Set before the bundle is compiled, since its cached code depends on the flags (node.ts says why it is set). */
const V8_FLAGS = '--no-regexp-tier-up';
setFlagsFromString(V8_FLAGS);

runWithCodeCache(
  {
    path: join(__dirname, 'postlint-server.js'),
    prefix: 'server-',
    v8Flags: V8_FLAGS,
    // By then the first lints have compiled most of what a session runs; an editor may end the server without an exit.
    write: { onExit: (cached) => !cached, afterMs: 10_000 },
  },
  module,
  require,
  __dirname,
);

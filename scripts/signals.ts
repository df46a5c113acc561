/**
 * `npm run signals`: compiles every family's signal templates into `server/src/engine/lexicon/signals.compiled.json`,
 * so that a process loads them instead of expanding some 400 templates on its first lint. A family whose
 * templates or word classes changed since is compiled at start instead (its digest no longer matches), so a
 * stale table is never wrong, only slower; `test/engine/signalsCompiled.test.ts` fails until this is run.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileSignalTable, PHRASE_FAMILIES } from '../server/src/engine';

export const SIGNAL_TABLE_PATH = join(import.meta.dirname, '..', 'server', 'src', 'engine', 'lexicon', 'signals.compiled.json');

export function signalTableText(): string {
  return `${JSON.stringify(compileSignalTable(PHRASE_FAMILIES))}\n`;
}

if (process.argv[1] === import.meta.filename) {
  writeFileSync(SIGNAL_TABLE_PATH, signalTableText());
  console.log(`wrote ${SIGNAL_TABLE_PATH}`);
}

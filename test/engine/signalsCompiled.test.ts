import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SIGNAL_TABLE_PATH, signalTableText } from '../../scripts/signals';
import { signalEntries } from '../../server/src/engine/lexicon/signals';
import { PHRASE_FAMILIES } from '../../server/src/engine/rules/phraseFamilies';

describe('signals.compiled.json', () => {
  it('is what the templates and word classes compile to now (run `npm run signals` after editing them)', () => {
    assert.equal(readFileSync(SIGNAL_TABLE_PATH, 'utf8'), signalTableText());
  });

  it('gives every family the entries it would compile at start', () => {
    for (const family of PHRASE_FAMILIES.filter((f) => f.signals)) {
      const loaded = signalEntries(family);
      const compiledNow = signalEntries({ ...family, id: `${family.id} (not in the table)` });
      assert.equal(loaded.length, compiledNow.length, family.id);
      loaded.forEach((entry, i) => {
        assert.equal(entry.pattern, compiledNow[i].pattern, `${family.id} #${i}`);
        assert.deepEqual(entry.gate, compiledNow[i].gate, `${family.id} #${i}`);
      });
    }
  });
});

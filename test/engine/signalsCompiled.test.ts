import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SIGNAL_TABLE_PATH, signalTableText } from '../../scripts/signals';
import { signalEntries } from '../../server/src/engine/lexicon/signals';
import { fragmentExpander, shareFragments } from '../../server/src/engine/lexicon/signalFragments';
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

  it('stores a repeated slot or class group once, nested ones too, and expands every source back exactly', () => {
    const number = '(?:\\d+(?:,\\d{3})*(?:\\.\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)';
    const price = `(?:[$€£]\\s?${number}|${number}\\s?(?:dollars|pounds|euros))`;
    const sources = [`only\\s+${number}\\s+left`, `was\\s*${price}\\s*now\\s*${price}`, `${number}\\s+for\\s+${price}`, '(?:short)|[(?:x)]'];
    const shared = shareFragments(sources);
    assert.equal(shared.fragments.length, 2);
    assert.ok(shared.sources.join('').length < sources.join('').length / 2);
    const expand = fragmentExpander(shared.fragments);
    assert.deepEqual(shared.sources.map(expand), sources);
  });
});

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint, type PostlintSettings } from '../../server/src/engine';
import { anySettings, document, runs, seedOption } from './arbitraries';
import { assertWellFormed } from './invariants';

// FUZZ_RUNS=1000000 npx mocha --timeout 0 test/property runs these for as long as you like;
// FUZZ_SEED=<seed> replays the seed a failure printed.
describe('property: lint on arbitrary posts', function () {
  this.timeout(0);

  it('never throws, is deterministic and returns well-formed ranges (default settings)', () => {
    // One settings object for every run, as an editor session has: compiling settings costs more than a lint.
    const defaults: PostlintSettings = {};
    fc.assert(
      fc.property(document, (text) => {
        const first = lint(text, defaults);
        assertWellFormed(text, first);
        assert.deepEqual(lint(text, defaults), first);
      }),
      { numRuns: runs(2_000), ...seedOption() },
    );
  });

  it('never throws and names every settings problem, whatever the settings', () => {
    fc.assert(
      fc.property(document, anySettings, (text, settings) => {
        const first = lint(text, settings);
        assertWellFormed(text, first);
        // A copy compiles afresh: the result must not depend on what the per-settings cache holds.
        const again = lint(text, structuredCloneOrSame(settings));
        assert.deepEqual(again.diagnostics, first.diagnostics);
        assert.deepEqual(again.configProblems, first.configProblems);
      }),
      { numRuns: runs(1_000), ...seedOption() },
    );
  });
});

/** A copy of the settings when they can be copied, so the second lint compiles them afresh. */
function structuredCloneOrSame(settings: PostlintSettings): PostlintSettings {
  try {
    return structuredClone(settings);
  } catch {
    return settings;
  }
}

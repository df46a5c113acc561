import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { countText } from '../../server/src/engine';
import { runCli } from '../helpers/cli';
import { CONFORMANCE_FILE, sharedAvailable } from '../helpers/paths';

interface WeightedCase {
  description: string;
  text: string;
  expected: { weightedLength: number; valid: boolean };
}

// The twitter-text conformance suite asks implementations to read its YAML at test time.
describe('X counting agrees with the twitter-text conformance suite (config v3)', function () {
  if (!sharedAvailable(CONFORMANCE_FILE)) {
    it('is skipped: the conformance suite (../shared/conformance/twitter-text/validate.yml) is absent on this machine');
    return;
  }
  const suite = parse(readFileSync(CONFORMANCE_FILE, 'utf8')) as { tests: Record<string, WeightedCase[]> };
  const cases = suite.tests.WeightedTweetsWithDiscountedEmojiCounterTest;

  it('has cases', () => assert.ok(cases.length > 10));

  for (const testCase of cases) {
    it(`engine: ${testCase.description}`, () => {
      const count = countText(testCase.text, 'x')!;
      assert.equal(count.length, testCase.expected.weightedLength);
      assert.equal(count.valid, testCase.expected.valid);
    });
  }

  it('CLI `postlint count --platform x --json` agrees on every case', () => {
    for (const testCase of cases) {
      const run = runCli(['count', '--platform', 'x', '--json'], { input: testCase.text });
      const output = JSON.parse(run.stdout) as { length: number; valid: boolean; limit: number };
      assert.equal(output.length, testCase.expected.weightedLength, testCase.description);
      assert.equal(output.valid, testCase.expected.valid, testCase.description);
      assert.equal(output.limit, 280);
      assert.equal(run.status, testCase.expected.valid ? 0 : 1, testCase.description);
    }
  });
});

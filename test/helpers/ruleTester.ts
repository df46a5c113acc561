// A rule's tests in the spirit of ESLint's RuleTester: valid posts it must leave alone, invalid posts with
// the findings it must report (where, what it says) and the text its preferred fixes make. Only the rule
// under test runs (with its own phrase family, if it has one), through the engine's real `lintWith`.
import assert from 'node:assert/strict';
import { applyEdits, lintWith, makeRuleSet, PHRASE_FAMILIES, preferredEdits, type Diagnostic, type PostlintSettings, type Rule, type Severity } from '../../server/src/engine';

export interface ValidCase {
  /** The test's title; the text itself when omitted. */
  name?: string;
  text: string;
  settings?: PostlintSettings;
}

export interface ExpectedFinding {
  /** The message, exactly, or a pattern it matches. */
  message?: string | RegExp;
  /** The source text the finding spans. */
  text?: string;
  /** 1-based line and column of the start, as an editor shows them; `endLine`/`endColumn` of the end. */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  severity?: Severity;
  /** The titles of its fixes, in order (`[]`: none). */
  fixes?: string[];
}

export interface InvalidCase extends ValidCase {
  /** Every finding of the rule, in source order: a number checks only how many. */
  errors: ExpectedFinding[] | number;
  /** The text once every preferred fix of the rule is applied (one pass); `null`: no fix is offered. */
  output?: string | null;
}

export interface RuleTests {
  valid: (string | ValidCase)[];
  invalid: InvalidCase[];
}

const title = (c: ValidCase) => c.name ?? JSON.stringify(c.text.length > 60 ? `${c.text.slice(0, 57)}…` : c.text);

/** Lints `text` with only `rule` on, as the rule's tests see it. */
export function runRuleAlone(rule: Rule, text: string, settings: PostlintSettings = {}): Diagnostic[] {
  const set = ruleSetOf(rule);
  const output = lintWith(set, text, settings);
  assert.deepEqual(output.ruleFailures, [], `${rule.meta.id} threw`);
  return output.diagnostics;
}

const sets = new WeakMap<Rule, ReturnType<typeof makeRuleSet>>();

function ruleSetOf(rule: Rule) {
  let set = sets.get(rule);
  if (!set) sets.set(rule, (set = makeRuleSet([rule], PHRASE_FAMILIES.filter((family) => family.id === rule.meta.id))));
  return set;
}

/** Declares one mocha test per case, under a `describe` named by the rule id. */
export function testRule(rule: Rule, tests: RuleTests): void {
  describe(`${rule.meta.id} (rule tester)`, () => {
    for (const raw of tests.valid) {
      const c = typeof raw === 'string' ? { text: raw } : raw;
      it(`valid: ${title(c)}`, () => {
        const found = runRuleAlone(rule, c.text, c.settings);
        assert.deepEqual(found.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`), [], 'expected no finding');
      });
    }
    for (const c of tests.invalid) {
      it(`invalid: ${title(c)}`, () => {
        const found = runRuleAlone(rule, c.text, c.settings);
        const listing = found.map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`).join('\n');
        const expected = typeof c.errors === 'number' ? c.errors : c.errors.length;
        assert.equal(found.length, expected, `expected ${expected} finding(s), got:\n${listing}`);
        if (typeof c.errors !== 'number') c.errors.forEach((e, i) => checkFinding(found[i], e, c.text, i));
        if (c.output !== undefined) {
          const edits = preferredEdits({ diagnostics: found });
          if (c.output === null) assert.equal(edits.length, 0, 'expected no fix');
          else assert.equal(applyEdits(c.text, edits), c.output);
        }
      });
    }
  });
}

function checkFinding(d: Diagnostic, e: ExpectedFinding, text: string, i: number): void {
  const at = `finding ${i + 1}`;
  if (typeof e.message === 'string') assert.equal(d.message, e.message, at);
  else if (e.message) assert.match(d.message, e.message, at);
  if (e.text !== undefined) assert.equal(text.slice(d.start, d.end), e.text, at);
  if (e.line !== undefined) assert.equal(d.range.start.line + 1, e.line, `${at}: line`);
  if (e.column !== undefined) assert.equal(d.range.start.character + 1, e.column, `${at}: column`);
  if (e.endLine !== undefined) assert.equal(d.range.end.line + 1, e.endLine, `${at}: end line`);
  if (e.endColumn !== undefined) assert.equal(d.range.end.character + 1, e.endColumn, `${at}: end column`);
  if (e.severity !== undefined) assert.equal(d.severity, e.severity, `${at}: severity`);
  if (e.fixes !== undefined) assert.deepEqual(d.fixes.map((f) => f.title), e.fixes, `${at}: fixes`);
}

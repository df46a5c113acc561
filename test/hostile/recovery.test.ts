// An exception inside one rule: caught, named with the rule and the document, and the other rules
// still report, in the engine, the CLI and the language server.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { lint, RULES, RULES_BY_ID } from '../../server/src/engine';
import { MAX_FINDINGS_PER_RULE } from '../../server/src/engine/lint';
import type { Rule } from '../../server/src/engine/rule';
import { run } from '../../server/src/cli/main';
import { TestLspClient } from '../helpers/lspClient';
import { EXPLODING_RULE_ID, EXPLOSION, explodingRule } from './fixtures/throwingRules';
import { buildThrowingServer } from './fixtures/throwingServer';

const POST = `EXPLODE ${'We rebuilt onboarding this quarter and learned what new teams need. '.repeat(5)}\n`;

/** Adds test-only rules to the live registry for one test; the in-process engine and CLI read it from there. */
async function withRules<T>(rules: Rule[], body: () => T | Promise<T>): Promise<T> {
  for (const rule of rules) {
    (RULES as Rule[]).push(rule);
    (RULES_BY_ID as Map<string, Rule>).set(rule.meta.id, rule);
  }
  try {
    return await body();
  } finally {
    for (const rule of rules) {
      (RULES as Rule[]).splice(RULES.indexOf(rule), 1);
      (RULES_BY_ID as Map<string, Rule>).delete(rule.meta.id);
    }
  }
}

function withExplodingRule<T>(body: () => T | Promise<T>): Promise<T> {
  return withRules([explodingRule], body);
}

function testRule(id: string, check: Rule['check']): Rule {
  return { meta: { ...explodingRule.meta, id }, check };
}

describe('recovery: a finding that cannot become a diagnostic', () => {
  it('counts as its rule failing, once, and costs no other finding', () => {
    // Fixes whose edits are missing: building the diagnostic throws after the rule has returned.
    const malformed = testRule('formatting/test-malformed', (context) => {
      context.report({ start: 0, end: 1, message: 'good one' });
      context.report({ start: 0, end: 1, message: 'bad', fixes: [{ title: 'broken' } as never] });
      context.report({ start: 0, end: 1, message: 'bad again', fixes: [{ title: 'broken' } as never] });
    });
    return withRules([malformed], () => {
      const output = lint(POST, {});
      assert.deepEqual(output.ruleFailures.map((f) => f.rule), ['formatting/test-malformed']);
      assert.deepEqual(output.diagnostics.filter((d) => d.rule === 'formatting/test-malformed').map((d) => d.message), ['good one']);
      assert.ok(output.diagnostics.some((d) => d.rule === 'length'), 'the length rule still reported');
    });
  });

  it('a fix built on first read that throws or is malformed costs only that fix, wherever it is read', () => {
    const lazy = testRule('formatting/test-lazy-broken', (context) => {
      context.report({ start: 0, end: 1, message: 'throws', fixes: () => { throw new Error('builder failed'); } });
      context.report({ start: 0, end: 1, message: 'malformed', fixes: () => [{ title: 'broken' } as never] });
      context.report({ start: 0, end: 1, message: 'fine', fixes: [{ title: 'Fix it', edits: [{ start: 0, end: 1, newText: 'e' }] }] });
    });
    return withRules([lazy], () => {
      const output = lint(POST, {});
      assert.deepEqual(output.ruleFailures, []);
      const byMessage = new Map(output.diagnostics.filter((d) => d.rule === 'formatting/test-lazy-broken').map((d) => [d.message, d]));
      assert.deepEqual(byMessage.get('throws')!.fixes, []);
      assert.deepEqual(byMessage.get('malformed')!.fixes, []);
      assert.deepEqual(byMessage.get('fine')!.fixes.map((f) => [f.title, f.preferred, f.offsetEdits]), [['Fix it', true, [{ start: 0, end: 1, newText: 'e' }]]]);
      // Read once, then kept: the same array on every read, as JSON output and code actions expect.
      assert.equal(byMessage.get('fine')!.fixes, byMessage.get('fine')!.fixes);
    });
  });
});

describe('the findings cap', () => {
  it('tells a rule to stop at the cap, and keeps exactly that many of its findings', () => {
    let calls = 0;
    let toldToStopAt = -1;
    const flood = testRule('formatting/test-flood', (context) => {
      for (let i = 0; i < 5 * MAX_FINDINGS_PER_RULE; i++) {
        calls++;
        if (!context.report({ start: 0, end: 1, message: `finding ${i}` })) {
          toldToStopAt = calls;
          return;
        }
      }
    });
    return withRules([flood], () => {
      const output = lint(POST, {});
      assert.equal(toldToStopAt, MAX_FINDINGS_PER_RULE);
      const kept = output.diagnostics.filter((d) => d.rule === 'formatting/test-flood');
      assert.equal(kept.length, MAX_FINDINGS_PER_RULE);
      assert.equal(kept[0].message, 'finding 0');
    });
  });
});

describe('recovery: a rule that throws', function () {
  this.timeout(60_000);

  it('is caught by the engine and named, while the other rules still report', () =>
    withExplodingRule(() => {
      // A fresh settings object, so the rule levels include the injected rule.
      const output = lint(POST, {});
      assert.deepEqual(output.ruleFailures.map((f) => f.rule), [EXPLODING_RULE_ID]);
      assert.match(output.ruleFailures[0].error, new RegExp(EXPLOSION));
      assert.ok(output.diagnostics.some((d) => d.rule === 'length'), 'the length rule still reported');
      assert.deepEqual(lint('A calm post.', {}).ruleFailures, [], 'only posts that trigger it are affected');
    }));

  it('is reported by the CLI with the rule and the file, and the file is still linted', () =>
    withExplodingRule(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'postlint-recovery-'));
      writeFileSync(join(dir, 'draft.post.md'), POST);
      let stdout = '';
      let stderr = '';
      const code = await run(['--format', 'json', 'draft.post.md'], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: () => Buffer.from(''), isTty: false, cwd: dir });
      rmSync(dir, { recursive: true, force: true });
      assert.match(stderr, new RegExp(`^Rule ${EXPLODING_RULE_ID} failed on draft\\.post\\.md and was skipped; the other rules ran\\. Please report it: Error: ${EXPLOSION}\\n$`));
      assert.equal(code, 1, 'the length error still counts');
      assert.ok((JSON.parse(stdout) as { diagnostics: { rule: string }[] }[])[0].diagnostics.some((d) => d.rule === 'length'));
    }));

  describe('in the language server (a private build whose registry holds the throwing rule)', () => {
    let serverPath: string;
    let client: TestLspClient;
    before(async () => {
      serverPath = await buildThrowingServer();
      client = new TestLspClient({ serverPath });
      await client.initialize();
    });
    after(async () => {
      await client.shutdown();
      rmSync(dirname(serverPath), { recursive: true, force: true });
    });

    it('logs the rule and the document, publishes the other rules, and keeps serving', async () => {
      const uri = 'file:///tmp/recovery/explodes.post.md';
      client.open(uri, POST);
      const diagnostics = await client.diagnosticsFor(uri, 1);
      assert.ok(diagnostics.some((d) => d.code === 'length'), JSON.stringify(diagnostics.map((d) => d.code)));
      const logged = client.notifications
        .filter((n) => n.method === 'window/logMessage')
        .map((n) => (n.params as { type: number; message: string }).message)
        .filter((message) => message.includes(EXPLODING_RULE_ID));
      assert.equal(logged.length, 1, JSON.stringify(logged));
      assert.ok(logged[0].includes(uri) && logged[0].includes(EXPLOSION), logged[0]);

      const calm = 'file:///tmp/recovery/calm.post.md';
      client.open(calm, 'A calm post. What do you think?');
      await client.diagnosticsFor(calm, 1);
      const version = client.replace(uri, `${POST}More.`, POST);
      assert.ok((await client.diagnosticsFor(uri, version)).some((d) => d.code === 'length'), 'the same document is linted again after the failure');
    });
  });
});

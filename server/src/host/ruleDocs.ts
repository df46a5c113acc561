// Where a rule's page is on this machine: the pages ship beside the bundles (`docs/rules/` next to `dist/`,
// in the extension, the npm package and a checkout), so a link to them always opens.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Rule ids are `family` or `family/check`; anything else never becomes a path. */
const RULE_ID = /^[a-z][a-z-]*(?:\/[a-z][a-z-]*)?$/;

/**
 * The shipped page of `rule` as a file URL, or undefined when this install has none. Asked for every
 * finding of every publish: the answer is kept, as the install's pages do not change while it runs.
 */
export function shippedRuleDoc(rule: string): string | undefined {
  if (SHIPPED.has(rule)) return SHIPPED.get(rule);
  const file = join(__dirname, '..', 'docs', 'rules', `${rule}.md`);
  const url = RULE_ID.test(rule) && existsSync(file) ? pathToFileURL(file).href : undefined;
  SHIPPED.set(rule, url);
  return url;
}

const SHIPPED = new Map<string, string | undefined>();

import type { PhraseFamily } from './lexicon/family';
import type { Rule, RuleRole, RuleSet } from './rule';
import { FAMILIES } from './types';

export type { RuleSet } from './rule';

export function makeRuleSet(rules: readonly Rule[], phraseFamilies: readonly PhraseFamily[] = []): RuleSet {
  return { rules, byId: new Map(rules.map((rule) => [rule.meta.id, rule])), phraseFamilies };
}

/** The rules an id names: a family id names every rule of the family, a rule id names itself. */
export function rulesNamedBy(set: RuleSet, id: string): Rule[] {
  if (isFamily(id)) return set.rules.filter((r) => r.meta.family === id);
  const rule = set.byId.get(id);
  return rule ? [rule] : [];
}

/** The rule that plays `role` in this set, if any. */
export function ruleWithRole(set: RuleSet, role: RuleRole): Rule | undefined {
  return set.rules.find((rule) => rule.meta.role === role);
}

export function isFamily(id: string): boolean {
  return (FAMILIES as readonly string[]).includes(id);
}

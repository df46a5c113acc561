import type { PhraseFamily } from './lexicon/family';
import type { Rule, RuleRole } from './rule';
import { FAMILIES } from './types';

/**
 * The rules a lint runs and the phrase families their lists come from. `lint` hands it to whatever needs
 * to know the rules (rule levels, directives, patterns, the lexicon) through the config, so that no module
 * of the core imports a rule: `engine/index.ts` binds the built-in set (`rules/index.ts`), and a rule's
 * tests may run a set of one.
 */
export interface RuleSet {
  readonly rules: readonly Rule[];
  readonly byId: ReadonlyMap<string, Rule>;
  readonly phraseFamilies: readonly PhraseFamily[];
}

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

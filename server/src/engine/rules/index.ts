import type { Rule } from '../rule';
import { makeRuleSet, type RuleSet } from '../ruleSet';
import { formattingRules } from './formatting';
import { hardSellingRules } from './hard-selling';
import { lengthRules } from './length';
import { noHookRules } from './no-hook';
import { noMediaRules } from './no-media';
import { PHRASE_FAMILIES } from './phraseFamilies';
import { pressReleaseToneRules } from './press-release-tone';

/** Every rule, in the order they run and are documented. */
export const RULES: readonly Rule[] = [
  ...lengthRules,
  ...formattingRules,
  ...hardSellingRules,
  ...pressReleaseToneRules,
  ...noMediaRules,
  ...noHookRules,
];

/** Every rule with every phrase family: the set `engine/index.ts` binds `lint` to. */
export const BUILT_IN_RULES: RuleSet = makeRuleSet(RULES, PHRASE_FAMILIES);

export const RULES_BY_ID: ReadonlyMap<string, Rule> = BUILT_IN_RULES.byId;

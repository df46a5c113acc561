import type { Rule } from '../rule';
import { formattingRules } from './formatting';
import { hardSellingRules } from './hard-selling';
import { lengthRules } from './length';
import { noHookRules } from './no-hook';
import { noMediaRules } from './no-media';
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

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.meta.id, rule]));

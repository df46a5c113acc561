import type { Rule } from '../../rule';

export const hardSellingRules: Rule[] = [];

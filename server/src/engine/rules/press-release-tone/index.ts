import type { Rule } from '../../rule';

export const pressReleaseToneRules: Rule[] = [];

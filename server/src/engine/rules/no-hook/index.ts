import type { Rule } from '../../rule';

export const noHookRules: Rule[] = [];

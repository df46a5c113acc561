import type { Rule } from '../../rule';

export const noMediaRules: Rule[] = [];

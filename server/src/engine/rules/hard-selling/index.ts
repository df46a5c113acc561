import type { Rule } from '../../rule';
import { hardSellingRule } from './hard-selling';

export const hardSellingRules: Rule[] = [hardSellingRule];

import type { Rule } from '../../rule';
import { foldRule } from './fold';
import { lengthRule } from './length';

export const lengthRules: Rule[] = [lengthRule, foldRule];

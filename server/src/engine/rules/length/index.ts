import type { Rule } from '../../rule';
import { fileSizeRule } from './file-size';
import { foldRule } from './fold';
import { lengthRule } from './length';

export const lengthRules: Rule[] = [lengthRule, foldRule, fileSizeRule];

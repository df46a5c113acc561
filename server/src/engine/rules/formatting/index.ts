import type { Rule } from '../../rule';
import { frontMatterRule } from './front-matter';

export const formattingRules: Rule[] = [frontMatterRule];

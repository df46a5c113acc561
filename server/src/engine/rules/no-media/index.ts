import type { Rule } from '../../rule';
import { noMediaRule } from './no-media';

export const noMediaRules: Rule[] = [noMediaRule];

import type { Rule } from '../../rule';
import { noHookRule } from './no-hook';

export const noHookRules: Rule[] = [noHookRule];

import type { Rule } from '../../rule';
import { pressReleaseToneRule } from './press-release-tone';

export const pressReleaseToneRules: Rule[] = [pressReleaseToneRule];

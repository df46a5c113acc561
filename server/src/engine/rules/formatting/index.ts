import type { Rule } from '../../rule';
import { cjkSpacingRule } from './cjk-spacing';
import { directiveRule } from './directive';
import { frontMatterRule } from './front-matter';
import { hashtagsRule } from './hashtags';
import { markdownRule } from './markdown';
import { patternRule } from './pattern';
import { punctuationRule } from './punctuation';
import { shoutingRule } from './shouting';
import { wallOfTextRule } from './wall-of-text';

export const formattingRules: Rule[] = [frontMatterRule, markdownRule, wallOfTextRule, punctuationRule, shoutingRule, hashtagsRule, cjkSpacingRule, directiveRule, patternRule];

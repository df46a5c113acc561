// The engine's public surface: pure functions over text and settings. Code outside the engine imports
// it only from here (ESLint enforces it). This is also where the built-in rules meet the core: the core
// takes a rule set (`lintWith`, `resolveConfig(settings, set)`), and the functions below bind the built-in one.
import { resolveConfig as resolveConfigWith, type Config, type PostlintSettings } from './config';
import { fixAllWith, type FixAllResult } from './fixes';
import { explainCountWith, lintWith, type LintOutput } from './lint';
import { BUILT_IN_RULES } from './rules';
import type { PlatformStats } from './types';

/** Lints one post with every built-in rule. Pure: no I/O, no editor. */
export function lint(text: string, settings: PostlintSettings = {}): LintOutput {
  return lintWith(BUILT_IN_RULES, text, settings);
}

/** How each target platform counted this post, for hovers (see `explainCountWith`). */
export function explainCount(text: string, settings: PostlintSettings = {}, at = 0): PlatformStats[] {
  return explainCountWith(BUILT_IN_RULES, text, settings, at);
}

/** Validates and compiles settings once per settings object, for the built-in rules. */
export function resolveConfig(settings: PostlintSettings = {}): Config {
  return resolveConfigWith(settings, BUILT_IN_RULES);
}

/** Applies every preferred fix until nothing changes (see `fixAllWith`). */
export function fixAll(text: string, settings: PostlintSettings = {}, options: { rule?: string } = {}): FixAllResult {
  return fixAllWith(BUILT_IN_RULES, text, settings, options);
}

export { lintWith, explainCountWith, type LintOutput, type RuleFailure } from './lint';
export { fixAllWith, applyEdits, minimalEdit, ruleMatches, preferredEdits, MAX_FIX_PASSES, type FixAllResult } from './fixes';
export { wordListPaths, type PostlintSettings, type Config, type WordListData, type WordEntry } from './config';
export { makeRuleSet, type RuleSet } from './ruleSet';
export { BUILT_IN_RULES, RULES, RULES_BY_ID } from './rules';
export { PHRASE_FAMILIES, LEXICON_FILES } from './rules/phraseFamilies';
export { compileSignalTable } from './lexicon/signals';
export type { PhraseFamily, LexiconEntry, LexiconFile } from './lexicon/family';
export type { Rule, RuleMeta, RuleContext, OptionSpec, Finding, FixSpec } from './rule';
export { MAX_LIST_ENTRIES } from './settings/words';
export { exceedsFileSize } from './fileSize';
export { lineBreakOf } from './postEdits';
export { PLATFORMS, PLATFORM_IDS, DEFAULT_PLATFORM } from './count/platforms';
export { parsePost, type ParsedPost } from './parse/post';
export * from './types';
export { countText, type TextCount } from './count/countText';
/** The engine's YAML parser, loaded on first use (`onDemand.ts`): the hosts read YAML word lists with it. */
export { yamlModule } from './onDemand';
export { idTable, ownValue } from './ids';
export { previewPost, PLACEHOLDER_ACCOUNT, type PreviewOptions, type PreviewModel, type PreviewMedia } from './preview';

// The engine's public surface: pure functions over text and settings.
export { lint, explainCount, type LintOutput, type RuleFailure } from './lint';
export { resolveConfig, type PostlintSettings, type Config } from './config';
export { RULES, RULES_BY_ID } from './rules';
export { PHRASE_FAMILIES } from './rules/phraseFamilies';
export type { PhraseFamily } from './lexicon/family';
export { PLATFORMS, PLATFORM_IDS, DEFAULT_PLATFORM } from './count/platforms';
export { parsePost } from './parse/post';
export * from './types';
export { countText, type TextCount } from './count/countText';

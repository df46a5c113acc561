// textlint-rule-prh ships no type declarations; it exports a textlint rule module.
declare module 'textlint-rule-prh' {
  import type { TextlintRuleModule } from '@textlint/kernel';

  const rule: TextlintRuleModule;
  export default rule;
}

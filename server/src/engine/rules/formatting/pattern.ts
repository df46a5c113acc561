import { docsUrl, type Rule } from '../../rule';

export const PATTERN_RULE = 'formatting/pattern';

/**
 * The home of the team's own regular expressions (`postlint.patterns`) that name no rule. Like every
 * rule, it reports the patterns filed under its id, which `lint` runs after each rule's own check;
 * it has no check of its own, and it exists so that such findings have an id, a severity to tune
 * and a page that explains them.
 */
export const patternRule: Rule = {
  meta: {
    id: PATTERN_RULE,
    family: 'formatting',
    defaultSeverity: 'warning',
    description: {
      en: "A phrase matches one of the team's own patterns (postlint.patterns).",
      zh: '命中了团队自定义的正则（postlint.patterns）。',
    },
    rationale: {
      en: "Every team has house rules no generic linter knows: product names written one way, claims legal won't sign off. Patterns let the team say so once.",
      zh: '每个团队都有通用检查器不知道的规矩：产品名的固定写法、法务不认可的说法。自定义正则让团队只需写一次。',
    },
    docs: docsUrl(PATTERN_RULE),
    fixable: true,
    role: 'patterns',
  },
  check() {
    // Findings come from `reportUserPatterns`, which lint calls for every rule with the patterns filed under it.
  },
};

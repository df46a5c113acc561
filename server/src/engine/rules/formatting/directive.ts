import { DIRECTIVE_KINDS, directivesOf, type DirectiveProblem } from '../../directives';
import { docsUrl, type FixSpec, type Rule, type RuleContext } from '../../rule';

export const DIRECTIVE_RULE = 'formatting/directive';

/** Directives that silence nothing (a typo) or silence without a reason when the team asks for one. */
export const directiveRule: Rule = {
  meta: {
    id: DIRECTIVE_RULE,
    family: 'formatting',
    defaultSeverity: 'warning',
    description: {
      en: 'An inline postlint directive is misspelt, names an unknown rule, or gives no reason where the team requires one.',
      zh: '行内 postlint 指令拼错、写了不存在的规则，或在团队要求时没写理由。',
    },
    rationale: {
      en: 'A misspelt directive silently silences nothing, and a silenced rule without a reason leaves the next editor unable to tell whether it still applies.',
      zh: '拼错的指令不会关掉任何检查，却不会有人察觉；没写理由就关掉的检查，下一位编辑无从判断它现在还该不该关。',
    },
    docs: docsUrl(DIRECTIVE_RULE),
    fixable: true,
    role: 'directives',
  },
  check(context) {
    const requireReason = context.config.requireDisableReason;
    for (const problem of directivesOf(context.post, context.config.ruleSet).problems) {
      if (problem.kind === 'missing-reason' && !requireReason) continue;
      context.report({ start: problem.start, end: problem.end, message: messageOf(context, problem), fixes: fixesOf(context, problem) });
    }
  },
};

function messageOf(context: RuleContext, problem: DirectiveProblem): string {
  const { t } = context;
  switch (problem.kind) {
    case 'unknown-directive':
      return t({
        en: `"${problem.name}" is not a postlint directive, so it silences nothing; use ${DIRECTIVE_KINDS.map((k) => `postlint-${k}`).join(', ')}.`,
        zh: `“${problem.name}”不是 postlint 指令，不会关掉任何检查；可用 ${DIRECTIVE_KINDS.map((k) => `postlint-${k}`).join('、')}。`,
      });
    case 'unknown-rule': {
      const hint = problem.suggestion ? t({ en: ` Did you mean "${problem.suggestion}"?`, zh: `是不是想写“${problem.suggestion}”？` }) : '';
      return t({
        en: `"${problem.id}" is not a postlint rule or family, so this directive does not silence it.${hint}`,
        zh: `“${problem.id}”不是 postlint 的规则或规则族，这条指令关不掉它。${hint}`,
      });
    }
    case 'missing-reason':
      return t({
        en: `This postlint-${problem.directive} gives no reason; add "-- why" before "-->" so the next editor knows whether it still applies.`,
        zh: `这条 postlint-${problem.directive} 没写理由；请在“-->”前加上“-- 理由”，让下一位编辑知道它是否仍然适用。`,
      });
  }
}

function fixesOf(context: RuleContext, problem: DirectiveProblem): FixSpec[] | undefined {
  if (problem.kind !== 'unknown-rule' || !problem.suggestion) return undefined;
  const suggestion = problem.suggestion;
  return [{ title: context.t({ en: `Change to '${suggestion}'`, zh: `改为“${suggestion}”` }), edits: [{ start: problem.start, end: problem.end, newText: suggestion }], preferred: true }];
}

import { lint, type Diagnostic, type PostlintSettings } from '../../server/src/engine';

/** One rule's view of the engine: its findings on a text, and whether it fires at all. */
export function ruleFindings(rule: string) {
  const findings = (text: string, settings: PostlintSettings = {}): Diagnostic[] => lint(text, settings).diagnostics.filter((d) => d.rule === rule);
  const flagged = (text: string, settings?: PostlintSettings): boolean => findings(text, settings).length > 0;
  return { findings, flagged };
}

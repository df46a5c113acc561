import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Diagnostic, Severity } from '../engine';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a published diagnostic carries in `data`, so code actions can find the finding again. */
export interface DiagnosticData {
  /** Index of the finding in the lint result of `version`. */
  index: number;
  version: number;
}

/** `docs` is where the rule's link leads (see `ruleDocs.ts`); the rule's own URL when left out. */
export function toLspDiagnostic(d: Diagnostic, index: number, version: number, docs: string = d.docs): LspDiagnostic {
  const data: DiagnosticData = { index, version };
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.rule,
    codeDescription: { href: docs },
    source: 'postlint',
    // Findings about one platform of several name it in their own words ("don't fit on X", "微博在 140 字后折叠").
    message: d.message,
    data,
  };
}

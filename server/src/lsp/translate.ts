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

export function toLspDiagnostic(d: Diagnostic, index: number, version: number): LspDiagnostic {
  const data: DiagnosticData = { index, version };
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.rule,
    codeDescription: { href: d.docs },
    source: 'postlint',
    message: d.platform ? `[${d.platform}] ${d.message}` : d.message,
    data,
  };
}

import type { Diagnostic, LintStats, Locale } from '../../engine/types';

export interface FileResult {
  /** The path as given on the command line, or `-` for stdin. */
  file: string;
  stats: LintStats;
  diagnostics: Diagnostic[];
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
}

export interface FormatOptions {
  locale: Locale;
  color: boolean;
}

/**
 * A formatter streams: `begin` once, `file` per linted file as soon as it is done, `end` once,
 * so thousands of files print with bounded memory. Each returns the text to write to stdout.
 */
export interface Formatter {
  begin(): string;
  file(result: FileResult): string;
  end(summary: Summary): string;
}

export type FormatterFactory = (options: FormatOptions) => Formatter;

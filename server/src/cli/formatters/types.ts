import type { Diagnostic, LintStats, Locale } from '../../engine';

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
 * A formatter streams: `begin` once, then per linted file, in file order, `render` and `append`,
 * then `end` once, so thousands of files print with bounded memory. Each returns text for stdout.
 *
 * `render` depends on its file alone, so worker threads render files in parallel; `append` runs on
 * the main thread in file order and adds what joins one file's report to the previous one.
 */
export interface Formatter {
  begin(): string;
  render(result: FileResult): string;
  append(rendered: string): string;
  end(summary: Summary): string;
}

export type FormatterFactory = (options: FormatOptions) => Formatter;

// One file's whole turn, the same on the main thread and on a worker thread: read, decode, fix,
// lint, render. Nothing is printed here: what a serial run would print comes back as data, and the
// main thread prints every file's output in file order, however the files were shared out.
import { resolve } from 'node:path';
import { lint, type Locale, type PostlintSettings } from '../engine';
import { decodePost } from './decode';
import { NOT_A_REGULAR_FILE, readPostFile } from './files';
import { fixFile } from './fix';
import type { Formatter, Summary } from './formatters/types';
import { cliMessage } from './messages';

export type SeverityCounts = Omit<Summary, 'files'>;

export interface FileOutcome {
  /** Lines for stderr, newline included, in the order a serial run prints them. */
  messages: string[];
  /** Absent when the file was not linted. */
  report?: {
    /** The formatter's rendering. */
    text: string;
    counts: SeverityCounts;
  };
  /** The file could not be read, which makes the run exit 2. */
  unreadable?: boolean;
  /** `--fix` had fixes for the file but could not write them (it is left as it was), which makes the run exit 2. */
  fixFailed?: boolean;
}

export interface LintFileOptions {
  cwd: string;
  locale: Locale;
  fix: boolean;
  /** Only its `render` is used, which depends on the file alone. */
  formatter: Formatter;
  readStdin: () => Buffer;
}

/**
 * Lints one file; whatever goes wrong with it is said on stderr and makes the run exit 2, and the
 * other files are linted all the same (the report stays well-formed: JSON and SARIF are closed).
 */
export function lintFile(file: string, settings: PostlintSettings, options: LintFileOptions): FileOutcome {
  try {
    return lintOneFile(file, settings, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { messages: [`${cliMessage('fileFailed', options.locale, { path: file, error: reason })}\n`], unreadable: true };
  }
}

function lintOneFile(file: string, settings: PostlintSettings, options: LintFileOptions): FileOutcome {
  const { locale } = options;
  const messages: string[] = [];
  const path = resolve(options.cwd, file);
  let bytes: Buffer;
  try {
    bytes = file === '-' ? options.readStdin() : readPostFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === NOT_A_REGULAR_FILE ? cliMessage('notRegularFile', locale) : (code ?? String(error));
    messages.push(`${cliMessage('unreadable', locale, { path: file, reason })}\n`);
    return { messages, unreadable: true };
  }
  const decoded = decodePost(bytes);
  if (decoded.binary) {
    messages.push(`${cliMessage('binary', locale, { path: file })}\n`);
    return { messages };
  }
  if (!decoded.validUtf8) messages.push(`${cliMessage('invalidUtf8', locale, { path: file })}\n`);
  let source = decoded.text;
  let fixFailed = false;
  if (options.fix) {
    const fixed = fixFile(file, path, bytes, decoded, settings, locale, { stderr: (line) => messages.push(line) });
    source = fixed.text;
    fixFailed = fixed.failed;
  }
  const result = lint(source, settings);
  // A rule that throws is skipped, not fatal: say which, on which file, so it can be reported.
  for (const p of result.newConfigProblems ?? []) messages.push(`${cliMessage('settingsProblem', locale, { source: file, key: p.key, message: p.message })}\n`);
  for (const failure of result.ruleFailures) {
    messages.push(`${cliMessage('ruleFailed', locale, { rule: failure.rule, path: file, error: failure.error.split('\n')[0] })}\n`);
  }
  const counts: SeverityCounts = { errors: 0, warnings: 0, infos: 0, hints: 0 };
  for (const d of result.diagnostics) {
    if (d.severity === 'error') counts.errors++;
    else if (d.severity === 'warning') counts.warnings++;
    else if (d.severity === 'information') counts.infos++;
    else counts.hints++;
  }
  const text = options.formatter.render({ file, stats: result.stats, diagnostics: result.diagnostics });
  return { messages, report: { text, counts }, ...(fixFailed ? { fixFailed } : {}) };
}

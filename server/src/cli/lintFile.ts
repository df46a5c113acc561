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
}

export interface LintFileOptions {
  cwd: string;
  locale: Locale;
  fix: boolean;
  /** Only its `render` is used, which depends on the file alone. */
  formatter: Formatter;
  readStdin: () => Buffer;
}

export function lintFile(file: string, settings: PostlintSettings, options: LintFileOptions): FileOutcome {
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
  const source = options.fix ? fixFile(file, path, bytes, decoded, settings, locale, { stderr: (line) => messages.push(line) }) : decoded.text;
  const result = lint(source, settings);
  // A rule that throws is skipped, not fatal: say which, on which file, so it can be reported.
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
  return { messages, report: { text, counts } };
}

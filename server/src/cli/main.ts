import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { lint, countText, resolveConfig, PLATFORMS, type Locale, type PostlintSettings } from '../engine';
import { FORMATTERS } from './formatters';
import type { Summary } from './formatters/types';
import { cliLocale, cliMessage } from './messages';
import { readSettingsFile, SettingsLocator, type LoadedSettings } from './settingsFile';
import { readWordLists } from '../host/wordLists';
import { collectFiles, NOT_A_REGULAR_FILE, readPostFile } from './files';
import { fixFile } from './fix';
import { VERSION } from './version';
import { decodePost } from './decode';
import { ProgressLine } from './progress';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

const HELP = `Usage: postlint [files | folders | globs | -]... [options]
       postlint count --platform <platform> [--json]   (raw text on stdin)

Lints social-media post drafts (*.post.md). A folder means every *.post.md below it; - reads stdin.

Options:
  --format <stylish|json|sarif|github>
                            output format (default: stylish); sarif is SARIF 2.1.0 for
                            code scanning, github prints workflow-command annotations
  --fix                     apply every preferred fix in place, then report what is left
  --platform <id>           platform for posts whose front matter names none
                            (${Object.keys(PLATFORMS).join(', ')})
  --config <file>           settings file (VS Code settings.json format) instead of the
                            nearest .vscode/settings.json at or above each file
  --locale <en|zh-CN>       message language (default: from LANG)
  --exit-zero               exit 0 even when errors are found (configuration errors still exit 2)
  --no-color                plain output
  -h, --help                show this help
  -v, --version             show the version

Exit codes: 0 no error findings, 1 error findings, 2 usage or configuration error.`;

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Buffer;
  isTty: boolean;
  /** Whether stderr is a terminal: only then does a long run show its progress there. */
  stderrIsTty?: boolean;
  /** The clock for the progress line; tests pass their own. */
  now?: () => number;
  cwd: string;
}

export async function run(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', default: 'stylish' },
        platform: { type: 'string' },
        config: { type: 'string' },
        locale: { type: 'string' },
        json: { type: 'boolean', default: false },
        fix: { type: 'boolean', default: false },
        'exit-zero': { type: 'boolean', default: false },
        'no-color': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    io.stderr(`${cliMessage('usage', 'en', { problem: (error as Error).message })}\n`);
    return EXIT_USAGE;
  }
  const { values, positionals } = parsed;
  const locale = cliLocale(values.locale);
  if (!locale) {
    io.stderr(`${cliMessage('unknownLocale', 'en', { locale: String(values.locale) })}\n`);
    return EXIT_USAGE;
  }
  if (values.help) {
    io.stdout(`${HELP}\n`);
    return EXIT_OK;
  }
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return EXIT_OK;
  }
  if (values.platform !== undefined && !PLATFORMS[values.platform]) {
    io.stderr(`${cliMessage('unknownPlatform', locale, { platform: values.platform, platforms: Object.keys(PLATFORMS).join(', ') })}\n`);
    return EXIT_USAGE;
  }
  if (positionals[0] === 'count') return runCount(values.platform, values.json, locale, io);

  const formatterFactory = FORMATTERS[values.format];
  if (!formatterFactory) {
    io.stderr(`${cliMessage('unknownFormat', locale, { format: values.format, formats: Object.keys(FORMATTERS).join(', ') })}\n`);
    return EXIT_USAGE;
  }

  let explicit: LoadedSettings | undefined;
  if (values.config !== undefined) {
    // An explicit settings file stands for the workspace the command runs in: word lists are relative to it.
    explicit = readSettingsFile(resolve(io.cwd, values.config), io.cwd);
    if (explicit.unreadable) {
      io.stderr(`${cliMessage('settingsFile', locale, { problem: explicit.problems.join('; ') })}\n`);
      return EXIT_USAGE;
    }
  }

  const paths = positionals.length > 0 ? positionals : ['.'];
  const { files, missing } = await collectFiles(paths, io.cwd);
  for (const path of missing) io.stderr(`${cliMessage('missing', locale, { path })}\n`);
  if (files.length === 0) {
    if (missing.length === 0) io.stderr(`${cliMessage('noFiles', locale, { paths: paths.join(' ') })}\n`);
    return EXIT_USAGE;
  }

  const locator = new SettingsLocator();
  const effective = new Map<LoadedSettings, PostlintSettings>();
  // One settings object per settings file, so the engine compiles each once and reports its problems once.
  const settingsFor = (file: string): PostlintSettings => {
    const loaded = explicit ?? locator.forDirectory(file === '-' ? io.cwd : dirname(resolve(io.cwd, file)));
    let settings = effective.get(loaded);
    if (!settings) {
      settings = { ...loaded.settings, locale, restricted: false };
      if (values.platform !== undefined) settings.platform = values.platform;
      settings.wordListData = readWordLists(settings, loaded.root).data;
      effective.set(loaded, settings);
      const source = loaded.path ?? '(defaults)';
      for (const problem of loaded.problems) io.stderr(`${cliMessage('settingsFile', locale, { problem })}\n`);
      const { configProblems } = lint('', settings);
      for (const p of configProblems) io.stderr(`${cliMessage('settingsProblem', locale, { source, key: p.key, message: p.message })}\n`);
    }
    return settings;
  };

  const formatter = formatterFactory({ locale, color: io.isTty && !values['no-color'] && !process.env.NO_COLOR });
  const summary: Summary = { files: 0, errors: 0, warnings: 0, infos: 0, hints: 0 };
  // Only people read stylish output; JSON, SARIF and annotations go to programs, and a pipe is no terminal.
  const progress =
    io.stderrIsTty && values.format === 'stylish'
      ? new ProgressLine(io.stderr, files.length, (done, total) => cliMessage('progress', locale, { done, total }), io.now)
      : undefined;
  const out: Io = progress ? { ...io, stdout: (text) => (progress.clear(), io.stdout(text)), stderr: (text) => (progress.clear(), io.stderr(text)) } : io;
  out.stdout(formatter.begin());
  let done = 0;
  for (const file of files) {
    progress?.update(done++);
    const settings = settingsFor(file);
    // `postlint.enable: false` turns a folder off in CI as it does in the editor.
    if (!resolveConfig(settings).enable) continue;
    let bytes: Buffer;
    try {
      bytes = file === '-' ? io.readStdin() : readPostFile(resolve(io.cwd, file));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === NOT_A_REGULAR_FILE ? cliMessage('notRegularFile', locale) : (code ?? String(error));
      out.stderr(`${cliMessage('unreadable', locale, { path: file, reason })}\n`);
      missing.push(file);
      continue;
    }
    const decoded = decodePost(bytes);
    if (decoded.binary) {
      out.stderr(`${cliMessage('binary', locale, { path: file })}\n`);
      continue;
    }
    if (!decoded.validUtf8) out.stderr(`${cliMessage('invalidUtf8', locale, { path: file })}\n`);
    const text = values.fix ? fixFile(file, resolve(io.cwd, file), bytes, decoded, settings, locale, out) : decoded.text;
    const result = lint(text, settings);
    // A rule that throws is skipped, not fatal: say which, on which file, so it can be reported.
    for (const failure of result.ruleFailures) {
      out.stderr(`${cliMessage('ruleFailed', locale, { rule: failure.rule, path: file, error: failure.error.split('\n')[0] })}\n`);
    }
    summary.files++;
    for (const d of result.diagnostics) {
      if (d.severity === 'error') summary.errors++;
      else if (d.severity === 'warning') summary.warnings++;
      else if (d.severity === 'information') summary.infos++;
      else summary.hints++;
    }
    out.stdout(formatter.file({ file, stats: result.stats, diagnostics: result.diagnostics }));
  }
  progress?.clear();
  io.stdout(formatter.end(summary));
  if (missing.length > 0) return EXIT_USAGE;
  return summary.errors > 0 && !values['exit-zero'] ? EXIT_FINDINGS : EXIT_OK;
}

function runCount(platform: string | undefined, json: boolean, locale: Locale, io: Io): number {
  if (!platform) {
    io.stderr(`${cliMessage('countNeedsPlatform', locale)}\n`);
    return EXIT_USAGE;
  }
  const settings = new SettingsLocator().forDirectory(io.cwd).settings;
  const count = countText(decodePost(io.readStdin()).text, platform, settings.platforms?.[platform])!;
  if (json) io.stdout(`${JSON.stringify(count)}\n`);
  else {
    const name = PLATFORMS[platform].name[locale === 'zh-CN' ? 'zh' : 'en'];
    const fold = count.fold !== undefined ? ` (fold ${count.fold})` : '';
    io.stdout(`${name} ${count.length}/${count.limit}${fold} ${count.valid ? 'valid' : 'invalid'}\n`);
  }
  return count.valid ? EXIT_OK : EXIT_FINDINGS;
}


if (require.main === module) {
  // A closed pipe (`postlint … | head`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: () => readFileSync(0),
    isTty: process.stdout.isTTY === true,
    stderrIsTty: process.stderr.isTTY === true,
    cwd: process.cwd(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`postlint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}

import { readFileSync } from 'node:fs';
import { isMainThread, workerData } from 'node:worker_threads';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { countText, lint, type Locale, PLATFORMS, type PostlintSettings, resolveConfig } from '../engine';
import { FORMATTERS } from './formatters';
import type { Summary } from './formatters/types';
import { cliLocale, cliMessage } from './messages';
import { readSettingsFile, SettingsLocator, type LoadedSettings } from './settingsFile';
import { readWordLists } from '../host/wordLists';
import { collectFiles } from './files';
import { VERSION } from './version';
import { decodePost } from './decode';
import { progressDelay, ProgressLine } from './progress';
import { HeldOutput } from './heldOutput';
import { lintFile, type FileOutcome } from './lintFile';
import { runPreview } from './preview';
import { InOrder, lintInParallel, parseConcurrency, workerCount, type Job } from './parallel';
import { isWorkerStart, serveWorker } from './worker';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
const HELD_STDOUT_CHARS = 64 * 1024;

const HELP = `Usage: postlint [files | folders | globs | -]... [options]
       postlint count --platform <platform> [--json]   (raw text on stdin)
       postlint preview <files | folders | globs>... [--platform <platform>] [-o <out.html>]

Lints social-media post drafts (*.post.md). A folder means every *.post.md below it; - reads stdin.

preview writes one self-contained HTML page (stdout, or the -o file) with a card per platform the
post targets (--platform: that platform's card only), as each feed would show it: the fold, the thread's
parts, the images (embedded), the count against the limit and the findings marked in place.

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
  --concurrency <auto|off|n>
                            lint on n threads (off: one); auto (the default) takes one
                            thread per two cores, up to 4, for 500 files or more
  -o, --output <file>       preview: write the HTML to this file instead of stdout
  --exit-zero               exit 0 even when errors are found (configuration errors still exit 2)
  --no-color                plain output
  -h, --help                show this help
  -v, --version             show the version

Exit codes: 0 no error findings, 1 error findings, 2 usage or configuration error, or a file
that could not be read or fixed.`;

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
  /** The script worker threads run (the CLI's entry point); without it, every file is linted on this thread. */
  workerScript?: string;
}

/** The settings that apply to one settings file's posts, resolved once on the main thread. */
interface RunSettings {
  /** Names the settings in messages to worker threads, which keep their own copy. */
  id: number;
  settings: PostlintSettings;
  enabled: boolean;
  /** Its problems, for stderr, printed before the first of its posts is reported. */
  problems: string[];
  printed: boolean;
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
        output: { type: 'string', short: 'o' },
        fix: { type: 'boolean', default: false },
        concurrency: { type: 'string', default: 'auto' },
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

  let explicit: LoadedSettings | undefined;
  if (values.config !== undefined) {
    // An explicit settings file stands for the workspace the command runs in: word lists are relative to it.
    explicit = readSettingsFile(resolve(io.cwd, values.config), io.cwd);
    if (explicit.unreadable) {
      io.stderr(`${cliMessage('settingsFile', locale, { problem: explicit.problems.join('; ') })}\n`);
      return EXIT_USAGE;
    }
  }

  const settingsFor = settingsResolver(explicit, values.platform, locale, io.cwd);

  if (positionals[0] === 'preview') {
    const files = await previewFiles(positionals.slice(1), locale, io);
    if (!files) return EXIT_USAGE;
    const previewSettings = (file: string) => {
      const entry = settingsFor(file);
      if (!entry.printed) {
        entry.printed = true;
        entry.problems.forEach(io.stderr);
      }
      return entry.settings;
    };
    return runPreview({ files, settingsFor: previewSettings, platform: values.platform, output: values.output, locale, cwd: io.cwd, stdout: io.stdout, stderr: io.stderr, readStdin: io.readStdin });
  }
  const formatterFactory = FORMATTERS[values.format];
  if (!formatterFactory) {
    io.stderr(`${cliMessage('unknownFormat', locale, { format: values.format, formats: Object.keys(FORMATTERS).join(', ') })}\n`);
    return EXIT_USAGE;
  }
  const concurrency = parseConcurrency(values.concurrency);
  if (concurrency === undefined) {
    io.stderr(`${cliMessage('unknownConcurrency', locale, { value: values.concurrency })}\n`);
    return EXIT_USAGE;
  }

  const paths = positionals.length > 0 ? positionals : ['.'];
  const { files, missing } = await collectFiles(paths, io.cwd);
  for (const path of missing) io.stderr(`${cliMessage('missing', locale, { path })}\n`);
  if (files.length === 0) {
    if (missing.length === 0) io.stderr(`${cliMessage('noFiles', locale, { paths: paths.join(' ') })}\n`);
    return EXIT_USAGE;
  }

  const formatOptions = { locale, color: io.isTty && !values['no-color'] && !process.env.NO_COLOR };
  const formatter = formatterFactory(formatOptions);
  const summary: Summary = { files: 0, errors: 0, warnings: 0, infos: 0, hints: 0 };
  let fixFailures = 0;
  // Only people read stylish output; JSON, SARIF and annotations go to programs, and a pipe is no terminal.
  const progress =
    io.stderrIsTty && values.format === 'stylish'
      ? new ProgressLine(io.stderr, files.length, (done, total) => cliMessage('progress', locale, { done, total }), io.now, progressDelay())
      : undefined;
  const out: Io = progress ? { ...io, stdout: (text) => (progress.clear(), io.stdout(text)), stderr: (text) => (progress.clear(), io.stderr(text)) } : io;
  out.stdout(formatter.begin());

  const plan = files.map(settingsFor);
  // Each file's output as a serial run prints it, in file order, whichever thread linted it.
  const print = (index: number, outcome: FileOutcome) => {
    const entry = plan[index];
    if (!entry.printed) {
      entry.printed = true;
      entry.problems.forEach(out.stderr);
    }
    outcome.messages.forEach(out.stderr);
    if (outcome.unreadable) missing.push(files[index]);
    if (outcome.fixFailed) fixFailures++;
    if (outcome.report) {
      const { text, counts } = outcome.report;
      summary.files++;
      summary.errors += counts.errors;
      summary.warnings += counts.warnings;
      summary.infos += counts.infos;
      summary.hints += counts.hints;
      out.stdout(formatter.append(text));
    }
    progress?.update(index + 1);
  };
  const ordered = new InOrder(files.length, print);
  const jobs: Job[] = [];
  plan.forEach((entry, index) => {
    // `postlint.enable: false` turns a folder off in CI as it does in the editor.
    if (!entry.enabled) ordered.put(index, { messages: [] });
    else jobs.push({ index, file: files[index], settingsId: entry.id, settings: entry.settings, mainThreadOnly: files[index] === '-' });
  });
  const lintOptions = { cwd: io.cwd, locale, fix: values.fix, formatter, readStdin: io.readStdin };
  const lintHere = (job: Job) => lintFile(job.file, job.settings, lintOptions);
  const workers = io.workerScript ? workerCount(concurrency, jobs.filter((job) => !job.mainThreadOnly).length) : 0;
  if (workers > 0) {
    const context = { cwd: io.cwd, fix: values.fix, format: values.format, ...formatOptions };
    await lintInParallel(jobs, { script: io.workerScript!, workers, context, lintHere, deliver: (index, outcome) => ordered.put(index, outcome) });
  } else {
    for (const job of jobs) ordered.put(job.index, lintHere(job));
  }
  progress?.clear();
  io.stdout(formatter.end(summary));
  if (missing.length > 0 || fixFailures > 0) return EXIT_USAGE;
  return summary.errors > 0 && !values['exit-zero'] ? EXIT_FINDINGS : EXIT_OK;
}

/** One settings object per settings file, so the engine compiles each once and its problems are printed once. */
function settingsResolver(explicit: LoadedSettings | undefined, platform: string | undefined, locale: Locale, cwd: string): (file: string) => RunSettings {
  const locator = new SettingsLocator();
  const resolved = new Map<LoadedSettings, RunSettings>();
  return (file) => {
    const loaded = explicit ?? locator.forDirectory(file === '-' ? cwd : dirname(resolve(cwd, file)));
    let entry = resolved.get(loaded);
    if (!entry) {
      const settings: PostlintSettings = { ...loaded.settings, locale, restricted: false };
      if (platform !== undefined) settings.platform = platform;
      settings.wordListData = readWordLists(settings, loaded.root).data;
      const source = loaded.path ?? '(defaults)';
      const problems = loaded.problems.map((problem) => `${cliMessage('settingsFile', locale, { problem })}\n`);
      for (const p of lint('', settings).configProblems) problems.push(`${cliMessage('settingsProblem', locale, { source, key: p.key, message: p.message })}\n`);
      entry = { id: resolved.size, settings, enabled: resolveConfig(settings).enable, problems, printed: false };
      resolved.set(loaded, entry);
    }
    return entry;
  };
}

/** The posts to preview: the files, folders and globs given, which must name at least one. */
async function previewFiles(paths: string[], locale: Locale, io: Io): Promise<string[] | undefined> {
  if (paths.length === 0) {
    io.stderr(`${cliMessage('previewNeedsFiles', locale)}\n`);
    return undefined;
  }
  const { files, missing } = await collectFiles(paths, io.cwd);
  for (const path of missing) io.stderr(`${cliMessage('missing', locale, { path })}\n`);
  if (files.length === 0 && missing.length === 0) io.stderr(`${cliMessage('noFiles', locale, { paths: paths.join(' ') })}\n`);
  return files.length > 0 && missing.length === 0 ? files : undefined;
}

function runCount(platform: string | undefined, json: boolean, locale: Locale, io: Io): number {
  if (!platform) {
    io.stderr(`${cliMessage('countNeedsPlatform', locale)}\n`);
    return EXIT_USAGE;
  }
  const settings = new SettingsLocator().forDirectory(io.cwd).settings;
  const count = countText(decodePost(io.readStdin()).text, platform, resolveConfig(settings).platformOverrides[platform])!;
  if (json) io.stdout(`${JSON.stringify(count)}\n`);
  else {
    const name = PLATFORMS[platform].name[locale === 'zh-CN' ? 'zh' : 'en'];
    const fold = count.fold !== undefined ? ` (fold ${count.fold})` : '';
    io.stdout(`${name} ${count.length}/${count.limit}${fold} ${count.valid ? 'valid' : 'invalid'}\n`);
  }
  return count.valid ? EXIT_OK : EXIT_FINDINGS;
}


if (require.main === module && !isMainThread && isWorkerStart(workerData)) {
  serveWorker(workerData);
} else if (require.main === module) {
  // A closed pipe (`postlint … | head`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const stdout = new HeldOutput((text) => process.stdout.write(text), process.stdout.isTTY ? 0 : HELD_STDOUT_CHARS);
  const stderr = (text: string) => (stdout.flush(), process.stderr.write(text));
  run(process.argv.slice(2), {
    stdout: (text) => stdout.add(text),
    stderr,
    readStdin: () => readFileSync(0),
    isTty: process.stdout.isTTY === true,
    stderrIsTty: process.stderr.isTTY === true,
    cwd: process.cwd(),
    // The launcher when there is one, so that workers start with the code cache too.
    workerScript: module.filename,
  }).then(
    (code) => {
      stdout.flush();
      process.exitCode = code;
      exitOnceWritten();
    },
    (error: unknown) => {
      stderr(`postlint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}

/**
 * Exits as soon as stdout and stderr have taken everything written to them. Left to end by itself,
 * Node tears the whole JavaScript heap down first, about 10 ms after a run over a folder. The write
 * callbacks matter where pipes are asynchronous (Windows): exiting earlier could cut the output short.
 */
function exitOnceWritten(): void {
  let pending = 2;
  const written = () => {
    if (--pending === 0) process.exit();
  };
  process.stdout.write('', written);
  process.stderr.write('', written);
}

/**
 * Signals with typed slots (`rules/<family>/<family>.signals.<lang>.json`): templates such as
 * `{offer} {ends} … {DEADLINE}` that name a KIND of signal (deadline, price anchor, scarcity…), not one
 * writer's phrase. Each compiles to a pattern entry of the family's list, so it joins the one-pass matcher.
 */
import classesEn from './classes.en.json';
import classesZh from './classes.zh.json';
import type { PostLanguage } from '../types';
import compiledSignals from './signals.compiled.json';
import { fragmentExpander, shareFragments } from './signalFragments';
import { compileTemplate, isTemplate, templateProblem, type CompiledTemplate, type WordClasses } from './templates';
import { weightScore, type CompiledEntry, type PhraseFamily } from './types';

/** A word-class file (`lexicon/classes.<lang>.json`): the classes templates name in braces, `{buy}`, `{zh-remain}`. */
export interface ClassFile {
  $schema?: string;
  lang: PostLanguage;
  classes: Record<string, string[]>;
}

export const CLASS_FILES: readonly ClassFile[] = [classesEn as ClassFile, classesZh as ClassFile];

const CLASSES = new Map<PostLanguage, WordClasses>();

/** The word classes of a language (`{buy}`, `{zh-buy}`…), from every file of that language. */
export function wordClasses(lang: PostLanguage): WordClasses {
  // One table per language for the life of the process: template expansions are memoised per table.
  let classes = CLASSES.get(lang);
  if (!classes) {
    const table: Record<string, readonly string[]> = {};
    for (const file of CLASS_FILES) if (file.lang === lang) Object.assign(table, file.classes);
    CLASSES.set(lang, (classes = table));
  }
  return classes;
}

/** The family's signals as matcher entries; a signal without a reason of its own gives its family's for its kind. */
export function signalEntries(family: PhraseFamily): CompiledEntry[] {
  const entries: CompiledEntry[] = [];
  const compiled = prebuilt(family);
  let index = 0;
  for (const file of family.signals ?? []) {
    const classes = wordClasses(file.lang);
    for (const signal of file.signals) {
      const { source, gate } = compiled?.[index++] ?? compileTemplate(signal.template, file.lang, classes);
      entries.push({
        pattern: source,
        gate,
        matchCase: signal.matchCase ?? false,
        inflect: false,
        rule: family.id,
        signal: signal.signal,
        score: weightScore(signal.weight),
        rewrites: signal.rewrites ?? [],
        reason: signal.reason ?? family.reasons[signal.signal] ?? family.customReason,
        lang: file.lang,
        custom: false,
      });
    }
  }
  return entries;
}

/**
 * The family's templates as `npm run signals` compiled them into `signals.compiled.json`, or undefined when
 * its templates or word classes changed since (the digest says so): then they compile here, as they did at
 * every start before, a good part of a short run's first lint.
 */
function prebuilt(family: PhraseFamily): readonly CompiledTemplate[] | undefined {
  // Each settings object with words of its own compiles the lists again; the digest is worked out once per family.
  if (PREBUILT.has(family)) return PREBUILT.get(family);
  const table = compiledSignals as unknown as Partial<SignalTable>;
  // The web worker's bundle leaves the table out (`scripts/bundleOptions.mjs`): every family compiles at start there.
  const compiled = table.families?.[family.id];
  let templates: CompiledTemplate[] | undefined;
  if (compiled && compiled.digest === signalDigest(family)) {
    const expand = (expandShared ??= fragmentExpander(table.fragments ?? []));
    templates = compiled.templates.map(([source, boundary, words, chars]) => ({
      source: expand(source),
      gate: { boundary, start: words === null ? undefined : { words, chars } },
    }));
  }
  PREBUILT.set(family, templates);
  return templates;
}

const PREBUILT = new WeakMap<PhraseFamily, readonly CompiledTemplate[] | undefined>();
let expandShared: ((source: string) => string) | undefined;

/**
 * `signals.compiled.json`: per family, each template as [source, boundary, start words or null, start
 * characters], the sources holding references to `fragments` (see `signalFragments.ts`).
 */
export interface SignalTable {
  fragments: string[];
  families: Record<string, { digest: string; templates: [string, string, string[] | null, string][] }>;
}

/** What a family's compiled templates depend on: its templates and the word classes of their languages. */
export function signalDigest(family: PhraseFamily): string {
  let hash = 0x811c9dc5;
  const add = (text: string) => {
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 0xff, 0x01000193);
  };
  const langs = new Set((family.signals ?? []).map((file) => file.lang));
  for (const file of CLASS_FILES) if (langs.has(file.lang)) for (const [name, words] of Object.entries(file.classes)) add(`${file.lang}${name}${words.join('\n')}`);
  for (const file of family.signals ?? []) for (const signal of file.signals) add(`${file.lang}${signal.template}`);
  return (hash >>> 0).toString(36);
}

/** The table `npm run signals` writes. */
export function compileSignalTable(families: readonly PhraseFamily[]): SignalTable {
  const compiled: [string, PhraseFamily, [string, string, string[] | null, string][]][] = [];
  for (const family of families) {
    if (!family.signals) continue;
    const templates = family.signals.flatMap((file) =>
      file.signals.map((signal): [string, string, string[] | null, string] => {
        const { source, gate } = compileTemplate(signal.template, file.lang, wordClasses(file.lang));
        return [source, gate.boundary, gate.start ? [...gate.start.words] : null, gate.start?.chars ?? ''];
      }),
    );
    compiled.push([family.id, family, templates]);
  }
  const shared = shareFragments(compiled.flatMap(([, , templates]) => templates.map(([source]) => source)));
  const table: SignalTable = { fragments: shared.fragments, families: {} };
  let next = 0;
  for (const [id, family, templates] of compiled) {
    table.families[id] = { digest: signalDigest(family), templates: templates.map(([, boundary, words, chars]) => [shared.sources[next++], boundary, words, chars]) };
  }
  return table;
}

/**
 * A team phrase (`postlint.words.*`, word-list files) as the matcher takes it: a template with slots
 * (`{buy} … {time-word}`, `还剩 {COUNT}`) becomes a pattern, anything else stays a literal phrase.
 * A template that does not compile is matched as nothing; `resolveConfig` names its key.
 */
export function templateEntryFields(phrase: string): Pick<CompiledEntry, 'phrase' | 'pattern' | 'gate'> {
  if (!isTemplate(phrase)) return { phrase };
  const lang: PostLanguage = /[\u3400-\u9fff]/.test(phrase) ? 'zh' : 'en';
  const classes = wordClasses(lang);
  if (templateProblem(phrase, lang, classes)) return { pattern: '(?!)' };
  const { source, gate } = compileTemplate(phrase, lang, classes);
  return { pattern: source, gate };
}

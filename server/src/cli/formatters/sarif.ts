// SARIF 2.1.0 (OASIS), the format code-scanning services read: one run, every rule described once,
// each finding with its location and its fixes. Columns are UTF-16 code units, as in LSP, plus one.
import type * as Sarif from 'sarif';
import { type Diagnostic, inLocale, type Locale, type Localized, type Range, RULES, type Severity } from '../../engine';
import { shippedRuleDoc } from '../../host/ruleDocs';
import { VERSION } from '../version';
import type { FileResult, FormatterFactory } from './types';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/postlint/postlint';

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const RULE_INDEX = new Map(RULES.map((rule, index) => [rule.meta.id, index]));

/**
 * Streams one SARIF log: the run's header and rules first, then each file's results as it is
 * linted, then the closing brackets, so memory stays flat however many files there are.
 */
export const sarifFormatter: FormatterFactory = ({ locale }) => {
  let first = true;
  return {
    begin() {
      const log: Sarif.Log = { version: '2.1.0', $schema: SCHEMA, runs: [{ tool: { driver: driver(locale) }, columnKind: 'utf16CodeUnits', results: [] }] };
      const json = JSON.stringify(log);
      // Everything up to the empty results array; results are streamed into it.
      return json.slice(0, json.lastIndexOf('[]') + 1);
    },
    render: (result) => result.diagnostics.map((d) => JSON.stringify(toResult(result, d))).join(',\n'),
    append(rendered) {
      // A file without findings adds no result, and so no comma.
      if (rendered === '') return '';
      const text = (first ? '\n' : ',\n') + rendered;
      first = false;
      return text;
    },
    end: () => `${first ? '' : '\n'}]}]}\n`,
  };
};

function driver(locale: Locale): Sarif.ToolComponent {
  const pick = (text: Localized) => inLocale(text, locale);
  return {
    name: 'postlint',
    version: VERSION,
    informationUri: INFORMATION_URI,
    language: locale,
    rules: RULES.map((rule) => ({
      id: rule.meta.id,
      shortDescription: { text: pick(rule.meta.description) },
      fullDescription: { text: pick(rule.meta.rationale) },
      // The page shipped with this install; a web address would have to exist for every version.
      helpUri: shippedRuleDoc(rule.meta.id),
      defaultConfiguration: { level: LEVEL[rule.meta.defaultSeverity] },
      properties: { tags: [rule.meta.family], fixable: rule.meta.fixable },
    })),
  };
}

function toResult(file: FileResult, d: Diagnostic): Sarif.Result {
  const artifactLocation = { uri: artifactUri(file.file) };
  const result: Sarif.Result = {
    ruleId: d.rule,
    level: LEVEL[d.severity],
    message: { text: d.platform ? `[${d.platform}] ${d.message}` : d.message },
    locations: [{ physicalLocation: { artifactLocation, region: region(d.range) } }],
  };
  const index = RULE_INDEX.get(d.rule);
  if (index !== undefined) result.ruleIndex = index;
  if (d.fixes.length > 0) {
    result.fixes = d.fixes.map((fix) => ({
      description: { text: fix.title },
      artifactChanges: [{ artifactLocation, replacements: fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })) }],
      properties: { kind: fix.kind, preferred: fix.preferred },
    }));
  }
  if (d.platform) result.properties = { platform: d.platform };
  return result;
}

/** 1-based lines and columns; an empty range is an insertion point. */
function region(range: Range): Sarif.Region {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/** Paths as given on the command line become relative URI references (`drafts/a%20b.post.md`); stdin has none. */
function artifactUri(file: string): string {
  if (file === '-') return 'stdin';
  const slashed = file.replace(/\\/g, '/');
  const encoded = slashed
    .split('/')
    .map((segment, i) => (i === 0 && /^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
    .join('/');
  if (/^[A-Za-z]:\//.test(slashed)) return `file:///${encoded}`;
  return slashed.startsWith('/') ? `file://${encoded}` : encoded;
}

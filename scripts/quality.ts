/**
 * The quality set: drafts in `test/quality/<lang>/`, each labelled in that folder's `labels.json` with the
 * families a careful editor would flag. Scoring lints every draft with default settings and compares the
 * families that came out (at least one finding at information or above: hints don't count) with the label.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FAMILIES, type Diagnostic, type Family } from '../server/src/engine';

export type Split = 'dev' | 'test';

export interface LabelledDraft {
  /** `<lang>/<file>` inside the quality folder. */
  id: string;
  text: string;
  expect: Family[];
  split: Split;
  kind: string;
  why: string;
}

export interface DraftResult {
  draft: LabelledDraft;
  got: Family[];
  /** What each flagged family underlined, for reading misses. */
  evidence: Map<Family, string[]>;
}

export interface FamilyScore {
  family: Family;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** undefined when the family was never flagged (precision) or never expected (recall). */
  precision: number | undefined;
  recall: number | undefined;
}

export interface QualityScore {
  drafts: number;
  exact: number;
  families: FamilyScore[];
}

interface LabelRecord {
  expect: unknown;
  split: unknown;
  kind?: unknown;
  why?: unknown;
}

/** Every labelled draft under `dir` (one folder per language); a bad label is an error naming the file and key. */
export function loadQualitySet(dir: string): LabelledDraft[] {
  if (!existsSync(dir)) return [];
  const drafts: LabelledDraft[] = [];
  for (const lang of readdirSync(dir).sort()) {
    const labelsPath = join(dir, lang, 'labels.json');
    if (!existsSync(labelsPath)) continue;
    const labels = JSON.parse(readFileSync(labelsPath, 'utf8')) as Record<string, LabelRecord>;
    for (const [file, label] of Object.entries(labels)) {
      const where = `${lang}/labels.json: "${file}"`;
      if (!Array.isArray(label.expect) || !label.expect.every((f) => (FAMILIES as readonly unknown[]).includes(f))) {
        throw new Error(`${where}: "expect" must list families among ${FAMILIES.join(', ')}`);
      }
      if (label.split !== 'dev' && label.split !== 'test') throw new Error(`${where}: "split" must be "dev" or "test"`);
      const path = join(dir, lang, file);
      if (!existsSync(path)) throw new Error(`${where}: no such draft file`);
      drafts.push({
        id: `${lang}/${file}`,
        text: readFileSync(path, 'utf8'),
        expect: label.expect as Family[],
        split: label.split,
        kind: typeof label.kind === 'string' ? label.kind : '',
        why: typeof label.why === 'string' ? label.why : '',
      });
    }
  }
  return drafts;
}

/** The families a lint flagged, in `FAMILIES` order: hints are suggestions, not flags. */
export function flaggedFamilies(diagnostics: readonly Diagnostic[], text: string): { got: Family[]; evidence: Map<Family, string[]> } {
  const evidence = new Map<Family, string[]>();
  for (const d of diagnostics) {
    if (d.severity === 'hint') continue;
    const list = evidence.get(d.family) ?? [];
    list.push(d.phrase ?? text.slice(d.start, Math.min(d.end, d.start + 60)));
    evidence.set(d.family, list);
  }
  return { got: FAMILIES.filter((f) => evidence.has(f)), evidence };
}

export function scoreResults(results: readonly DraftResult[]): QualityScore {
  const families = FAMILIES.map((family): FamilyScore => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const { draft, got } of results) {
      const expected = draft.expect.includes(family);
      const flagged = got.includes(family);
      if (expected && flagged) tp++;
      else if (flagged) fp++;
      else if (expected) fn++;
    }
    return {
      family,
      truePositives: tp,
      falsePositives: fp,
      falseNegatives: fn,
      precision: tp + fp === 0 ? undefined : tp / (tp + fp),
      recall: tp + fn === 0 ? undefined : tp / (tp + fn),
    };
  });
  const exact = results.filter((r) => isExact(r)).length;
  return { drafts: results.length, exact, families };
}

export function isExact(result: DraftResult): boolean {
  const expected = new Set(result.draft.expect);
  return expected.size === result.got.length && result.got.every((f) => expected.has(f));
}

const ratio = (x: number | undefined) => (x === undefined ? '—' : x.toFixed(2));

/** Rows for a table: family, precision, recall, and the counts behind them. */
export function scoreRows(score: QualityScore): string[][] {
  return score.families.map((f) => [f.family, ratio(f.precision), ratio(f.recall), `${f.truePositives}/${f.falsePositives}/${f.falseNegatives}`]);
}

export const SCORE_HEADER = ['family', 'precision', 'recall', 'tp/fp/fn'];

export function exactLine(score: QualityScore): string {
  const share = score.drafts === 0 ? 0 : score.exact / score.drafts;
  return `${score.exact}/${score.drafts} drafts exactly right (${(share * 100).toFixed(1)}%)`;
}

// Code actions: each finding's own fixes, "Select the text that doesn't fit", the three fix levels
// (this problem, all problems of a rule, all auto-fixable problems, the last also as
// `source.fixAll.postlint` for editor.codeActionsOnSave), and the ways to silence or learn about a rule.
import { CodeActionKind, type CodeAction, type CodeActionParams, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Commands } from '../../../shared/protocol';
import { type Diagnostic, exceedsFileSize, fixAll, RULES_BY_ID, type LintOutput, type Locale, minimalEdit, type OffsetEdit, type ParsedPost, parsePost, type PostlintSettings, resolveConfig, ruleMatches } from '../engine';
import { disableFileEdit, disableLineEdits } from './directiveEdits';
import { pick, TITLES } from './titles';
import type { RuleDocLink } from './ruleDocs';
import { toLspDiagnostic } from './translate';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.postlint`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND];

/** A document linted at its current version, with the settings that lint used. */
export interface CurrentLint {
  document: TextDocument;
  settings: PostlintSettings;
  output: LintOutput;
  /** Where a finding's rule link leads. */
  docLink: RuleDocLink;
}

/** Rules with a doc page that opens from "About"; the client prefers the copy shipped with the extension. */
export interface OpenRuleDocArgs {
  rule: string;
  url: string;
}

export function codeActionsFor(params: CodeActionParams, current: CurrentLint): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  const locale = resolveConfig(current.settings).locale;
  // Source actions only when asked for by kind (on save, or the Source Action menu), never in the light bulb.
  if (only && wants(FIX_ALL_KIND)) {
    const edit = fixAllEdit(current, undefined);
    if (edit) actions.push({ title: pick(locale, TITLES.fixAllSource()), kind: FIX_ALL_KIND, edit });
  }
  if (wants(CodeActionKind.QuickFix)) actions.push(...quickFixes(params, current, locale));
  return actions;
}

function quickFixes(params: CodeActionParams, current: CurrentLint, locale: Locale): CodeAction[] {
  const { document, output } = current;
  const uri = document.uri;
  const from = document.offsetAt(params.range.start);
  const to = document.offsetAt(params.range.end);
  // The finding under the cursor leads: one that holds the whole cursor or selection before one that only
  // touches it, then the narrowest (a phrase before the paragraph around it).
  const holds = (d: Diagnostic) => (d.start <= from && d.end >= to ? 0 : 1);
  const here = output.diagnostics
    .map((d, index) => ({ d, index }))
    .filter(({ d }) => d.start <= to && d.end >= from)
    .sort((a, b) => holds(a.d) - holds(b.d) || a.d.end - a.d.start - (b.d.end - b.d.start) || a.index - b.index);
  if (here.length === 0) return [];
  const lead = here[0].d;

  const fixes: CodeAction[] = [];
  const fixAlls: CodeAction[] = [];
  const silencers: CodeAction[] = [];
  const abouts: CodeAction[] = [];
  const seen = new Set<string>();
  const once = (key: string) => !seen.has(key) && (seen.add(key), true);
  let post: ParsedPost | undefined;
  const parsed = () => (post ??= parsePost(document.getText()));
  // A file over postlint.maxFileSize is never parsed, here either: its one finding gets "About" only.
  const oversized = exceedsFileSize(document.getText(), resolveConfig(current.settings).maxFileSize);

  for (const { d, index } of here) {
    const diagnostics = [toLspDiagnostic(d, index, document.version, current.docLink(d))];
    for (const fix of d.fixes) {
      // VS Code floats preferred actions to the top: only the lead finding's fix may be preferred here.
      fixes.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics, isPreferred: fix.preferred && d === lead, edit: changes(uri, fix.edits) });
    }
    if (RULES_BY_ID.get(d.rule)?.meta.spansOverflow && d.end > d.start) {
      fixes.push({
        title: pick(locale, TITLES.selectOverflow()),
        kind: CodeActionKind.QuickFix,
        diagnostics,
        command: { title: pick(locale, TITLES.selectOverflow()), command: Commands.selectRange, arguments: [uri, d.range] },
      });
    }
    // Fixing all of a rule, silencing and learning are about the finding under the cursor: offered once,
    // not once per rule whose finding happens to cover the cursor too.
    if (d !== lead) continue;
    if (once(`fix-all:${d.rule}`) && countFixable(output.diagnostics, d.rule) > 1) {
      const edit = fixAllEdit(current, d.rule);
      if (edit) fixAlls.push({ title: pick(locale, TITLES.fixAllRule(d.rule)), kind: CodeActionKind.QuickFix, diagnostics, edit });
    }
    if (d.phrase && once(`allow:${d.phrase.toLowerCase()}`)) {
      const title = pick(locale, TITLES.allowPhrase(d.phrase));
      silencers.push({ title, kind: CodeActionKind.QuickFix, diagnostics, command: { title, command: Commands.allowPhrase, arguments: [d.phrase, uri] } });
    }
    if (!oversized && once(`line:${d.rule}:${d.range.start.line}`)) {
      const edits = disableLineEdits(parsed(), d.range.start.line, d.rule);
      if (edits) silencers.push({ title: pick(locale, TITLES.disableLine(d.rule)), kind: CodeActionKind.QuickFix, diagnostics, edit: changes(uri, edits.map((edit) => toTextEdit(document, edit))) });
    }
    if (!oversized && once(`file:${d.rule}`)) {
      const edit = disableFileEdit(parsed(), d.rule);
      if (edit) silencers.push({ title: pick(locale, TITLES.disableFile(d.rule)), kind: CodeActionKind.QuickFix, diagnostics, edit: changes(uri, [toTextEdit(document, edit)]) });
    }
    if (once(`about:${d.rule}`)) {
      const title = pick(locale, TITLES.about(d.rule));
      const args: OpenRuleDocArgs = { rule: d.rule, url: d.docs };
      abouts.push({ title, kind: CodeActionKind.QuickFix, command: { title, command: Commands.openRuleDoc, arguments: [args] } });
    }
  }
  if (countFixable(output.diagnostics) > 1 && new Set(output.diagnostics.filter(hasPreferredEdit).map((d) => d.rule)).size > 1) {
    const edit = fixAllEdit(current, undefined);
    if (edit) fixAlls.push({ title: pick(locale, TITLES.fixAllAuto()), kind: CodeActionKind.QuickFix, edit });
  }
  return [...fixes, ...fixAlls, ...silencers, ...abouts];
}

function hasPreferredEdit(d: Diagnostic): boolean {
  return d.fixes.some((f) => f.preferred && f.offsetEdits.length > 0);
}

function countFixable(diagnostics: readonly Diagnostic[], rule?: string): number {
  return diagnostics.filter((d) => (rule === undefined || ruleMatches(d, rule)) && hasPreferredEdit(d)).length;
}

/** Fix-all results per lint (and so per document version), since code actions are asked for on every cursor move. */
const fixAllCache = new WeakMap<LintOutput, Map<string, WorkspaceEdit | null>>();

/** One edit spanning what fix-all changed, or null when it changes nothing. */
function fixAllEdit(current: CurrentLint, rule: string | undefined): WorkspaceEdit | null {
  let byRule = fixAllCache.get(current.output);
  if (!byRule) fixAllCache.set(current.output, (byRule = new Map()));
  const key = rule ?? '';
  if (byRule.has(key)) return byRule.get(key)!;
  const text = current.document.getText();
  const edit = minimalEdit(text, fixAll(text, current.settings, { rule }).text);
  const result = edit ? changes(current.document.uri, [toTextEdit(current.document, edit)]) : null;
  byRule.set(key, result);
  return result;
}

function toTextEdit(document: TextDocument, edit: OffsetEdit): TextEdit {
  return { range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.newText };
}

function changes(uri: string, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [uri]: edits } };
}

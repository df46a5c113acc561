// Hovering a finding explains it: why it matters to a reader, how a length was counted, and where
// the rule's documentation is. VS Code shows the finding's message itself just above.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { type Diagnostic, explainCount, type Locale, PLATFORMS, resolveConfig, RULES_BY_ID } from '../engine';
import type { CurrentLint } from './codeActions';
import { pick, TITLES } from './titles';

/** Findings about a count; the file-size finding is about a file too big to count at all. */

export function hoverFor(params: HoverParams, current: CurrentLint): Hover | null {
  const { document, output, settings } = current;
  const offset = document.offsetAt(params.position);
  // The finding under the cursor leads: the narrowest one (the phrase before the paragraph around it).
  const here = output.diagnostics
    .filter((d) => (d.start === d.end ? offset === d.start : d.start <= offset && offset < d.end))
    .sort((a, b) => a.end - a.start - (b.end - b.start));
  if (here.length === 0) return null;
  const locale = resolveConfig(settings).locale;
  const sections: string[] = [];
  const seen = new Set<string>();
  for (const d of here) {
    const key = `${d.rule}:${d.platform ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    sections.push(section(d, current, locale));
  }
  const first = here[0];
  let start = first.start;
  let end = first.end;
  for (const d of here) {
    start = Math.max(start, d.start);
    end = Math.min(end, d.end);
  }
  return {
    contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') },
    range: end > start ? { start: document.positionAt(start), end: document.positionAt(end) } : undefined,
  };
}

function section(d: Diagnostic, current: CurrentLint, locale: Locale): string {
  const rule = RULES_BY_ID.get(d.rule);
  const lines = [`**postlint · ${d.rule}**${rule ? ` — ${escape(pick(locale, rule.meta.description))}` : ''}`];
  if (rule) lines.push('', `*${pick(locale, TITLES.whyItMatters())}*${pick(locale, TITLES.colon())}${escape(pick(locale, rule.meta.rationale))}`);
  if (rule?.meta.aboutCount) {
    const breakdown = countBreakdown(d, current, locale);
    if (breakdown) lines.push('', `*${pick(locale, TITLES.howCounted())}*${pick(locale, TITLES.colon())}${escape(breakdown)}`);
  }
  lines.push('', `[${pick(locale, TITLES.ruleDoc(d.rule))}](${current.docLink(d)})`);
  return lines.join('\n');
}

/** The count of the platform the finding is about, for the part of a thread it sits in. */
function countBreakdown(d: Diagnostic, current: CurrentLint, locale: Locale): string | undefined {
  const counts = explainCount(current.document.getText(), current.settings, d.start);
  const count = (d.platform ? counts.find((c) => c.platform === d.platform) : counts[0]) ?? counts[0];
  if (!count?.breakdown) return undefined;
  const name = PLATFORMS[count.platform] ? pick(locale, PLATFORMS[count.platform].name) : count.platform;
  return `${name} ${count.length}/${count.limit} · ${count.breakdown}`;
}

/** Markdown that a rationale or a count could contain by accident (`*`, `_`, brackets) stays literal. */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}

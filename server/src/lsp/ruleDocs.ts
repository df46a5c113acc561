// Where a finding's rule link (the diagnostic's code link, the hover's "Read the … documentation") leads:
// the rule's page as shipped with postlint, never a web address that may not exist.
import { Commands } from '../../../shared/protocol';
import type { Diagnostic } from '../engine';

/** A rule's page for a finding, as a link the editor can open. */
export type RuleDocLink = (d: Diagnostic) => string;

/**
 * VS Code (which says so in `initialize`) opens the page through the extension's own command, as a Markdown
 * preview of the copy inside the extension, in hovers and the Problems panel alike.
 */
export function commandLink(d: Diagnostic): string {
  return `command:${Commands.openRuleDoc}?${encodeURIComponent(JSON.stringify([{ rule: d.rule, url: d.docs }]))}`;
}

/** Other editors get the page beside the server (`shipped(rule)`, a file URL) when it is there, else the rule's URL. */
export function shippedOrWeb(shipped: ((rule: string) => string | undefined) | undefined): RuleDocLink {
  return (d) => shipped?.(d.rule) ?? d.docs;
}

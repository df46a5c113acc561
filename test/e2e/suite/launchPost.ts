// Expectations for `launch.post.md`, the English launch post most suites open: a newsroom phrase
// in the first line and prose that runs past X's and Bluesky's limits.
import * as vscode from 'vscode';
import { finding, rangeOf } from './helpers';

export const LAUNCH_POST = 'launch.post.md';
/** Its count on every platform: ASCII without URLs, so each character weighs 1. */
export const LAUNCH_POST_LENGTH = 355;

/**
 * The length finding for a platform limit: the cut falls `limit` characters into the published
 * text (the paragraphs joined by a blank line) and runs to the end of the prose on line 4; the image
 * line after it is attached, not published.
 */
export function lengthFinding(document: vscode.TextDocument, limit: number): string {
  const firstParagraph = document.lineAt(0).text;
  const cut = new vscode.Position(2, limit - firstParagraph.length - '\n\n'.length);
  return finding('length', new vscode.Range(cut, document.lineAt(4).range.end));
}

export function toneFinding(document: vscode.TextDocument): string {
  return finding('press-release-tone', rangeOf(document, 'is pleased to announce'));
}

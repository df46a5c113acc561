import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextlintKernel, type TextlintKernelOptions } from '@textlint/kernel';
import markdownPlugin from '@textlint/textlint-plugin-markdown';
import prhRule from 'textlint-rule-prh';

/** A linter run in this process on one text, returning how many problems it found. */
export type InProcessLinter = (text: string) => number | Promise<number>;

export interface Peers {
  markdownlint: InProcessLinter;
  textlint: InProcessLinter;
  markdownlintVersion: string;
  textlintVersion: string;
}

/**
 * The peers as their users run them: markdownlint with its default rules, and textlint with its
 * Markdown plugin and textlint-rule-prh reading `prhPath` (postlint's lexicons in prh's format).
 */
export async function loadPeers(prhPath: string): Promise<Peers> {
  // markdownlint is ESM-only; a dynamic import loads it from this CommonJS-compiled module.
  const { lint: markdownlintSync } = await import('markdownlint/sync');
  const kernel = new TextlintKernel();
  const textlintOptions: TextlintKernelOptions = {
    ext: '.md',
    plugins: [{ pluginId: 'markdown', plugin: markdownPlugin }],
    rules: [{ ruleId: 'prh', rule: prhRule, options: { rulePaths: [prhPath] } }],
  };
  return {
    markdownlint: (text) => markdownlintSync({ strings: { post: text } }).post.length,
    textlint: async (text) => (await kernel.lintText(text, textlintOptions)).messages.length,
    markdownlintVersion: packageVersion('markdownlint'),
    textlintVersion: `@textlint/kernel ${packageVersion('@textlint/kernel')} + textlint-rule-prh ${packageVersion('textlint-rule-prh')}`,
  };
}

/** The installed version of a package, read from its own package.json beside this repository's. */
export function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(__dirname, '..', 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

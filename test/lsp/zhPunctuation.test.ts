import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CodeAction, Command, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../helpers/lspClient';
import { REPO_ROOT } from '../helpers/paths';

/**
 * Chinese copy takes full-width punctuation, as postlint's own punctuation rule tells writers: an ASCII
 * `:,;!?()` next to a Chinese character (`为什么重要:`) is the mistake it flags in their posts.
 */
const ASCII_BESIDE_CJK = /[\u3400-\u9fff\u3001-\u303f\uff01-\uff5e][:,;!?()]|[:,;!?()][\u3400-\u9fff]/;

/** What postlint says, without what it quotes: a post's own words (“!”), code (`media:`) and template slots. */
function ownWords(text: string): string {
  return text.replace(/“[^”]*”|‘[^’]*’|「[^」]*」|`[^`]*`|'[^']*'|\$\{[^}]*\}|\]\([^)]*\)/g, '·');
}

function offending(text: string): boolean {
  return ASCII_BESIDE_CJK.test(ownWords(text));
}

function filesUnder(folder: string, suffix: RegExp): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => suffix.test(name))
    .map((name) => join(folder, name));
}

describe('Chinese strings use full-width punctuation', () => {
  it('in every zh message and label in the source, and in package.nls.zh-cn.json', () => {
    const found: string[] = [];
    const sources = ['server/src', 'client/src', 'shared'].flatMap((dir) => filesUnder(join(REPO_ROOT, dir), /(?<!\.test)\.ts$/));
    let strings = 0;
    for (const file of sources) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bzh: (['`"])((?:\\.|(?!\1).)*)\1/g)) {
        // Regular expressions keyed by language (lexicon/templates.ts) are patterns, not copy.
        if (match[2].includes('\\\\')) continue;
        strings++;
        if (offending(match[2])) found.push(`${relative(REPO_ROOT, file)}: ${match[2]}`);
      }
    }
    const nls = JSON.parse(readFileSync(join(REPO_ROOT, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
    for (const [key, value] of Object.entries(nls)) {
      strings++;
      if (offending(value)) found.push(`package.nls.zh-cn.json ${key}: ${value}`);
    }
    assert.ok(strings > 200, `only ${strings} strings scanned`);
    assert.deepEqual(found, []);
  });

  describe('in what the server says in Chinese (messages, hovers, quick-fix titles) on every fixture', () => {
    let client: TestLspClient | undefined;
    afterEach(() => client?.shutdown());

    it('has no ASCII punctuation beside Chinese', async () => {
      client = new TestLspClient({ locale: 'zh-CN' });
      await client.initialize();
      const found = new Set<string>();
      let said = 0;
      const check = (text: string, where: string) => {
        said++;
        if (offending(text)) found.add(`${where}: ${text}`);
      };
      const posts = filesUnder(join(REPO_ROOT, 'test', 'fixtures'), /\.post\.md$/).sort();
      for (const [i, path] of posts.entries()) {
        const uri = `file:///zh/${i}.post.md`;
        client.open(uri, readFileSync(path, 'utf8'));
        const diagnostics: Diagnostic[] = (await client.diagnosticsFor(uri, 1)).filter((d) => d.source === 'postlint');
        const name = relative(REPO_ROOT, path);
        for (const d of diagnostics) {
          check(typeof d.message === 'string' ? d.message : d.message.value, `${name} ${d.code} message`);
          const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: d.range.start })) as Hover | null;
          if (hover) check((hover.contents as MarkupContent).value, `${name} ${d.code} hover`);
          const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as (CodeAction | Command)[];
          for (const action of actions) check(action.title, `${name} ${d.code} action`);
        }
        client.close(uri);
      }
      assert.ok(said > 500, `only ${said} strings checked`);
      assert.deepEqual([...found], []);
    });
  });
});

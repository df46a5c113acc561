import assert from 'node:assert/strict';
import { lint, resolveConfig, type PostlintSettings } from '../../server/src/engine';
import type { WordListData } from '../../server/src/engine/config';

/** Settings as a host hands them over after reading `wordLists`. */
function withFiles(settings: PostlintSettings, files: WordListData[]): PostlintSettings {
  return { ...settings, wordLists: files.map((f) => f.path), wordListData: files };
}

describe('word-list files (postlint.wordLists, read by the host)', () => {
  it('merges the files after postlint.words: a later layer wins for the same phrase', () => {
    const config = resolveConfig(
      withFiles({ words: { hardSelling: [{ phrase: 'Act fast', rewrite: 'settings rewrite' }], allow: ['Acme'] } }, [
        { path: 'lists/brand.yaml', content: { allow: ['Acme Cloud'], hardSelling: [{ phrase: 'act fast', rewrite: 'file rewrite' }, 'grab yours'] } },
        { path: 'lists/zh.json', content: { $schema: './wordlist.schema.json', hooks: ['评论区见'] } },
      ]),
    );
    assert.deepEqual(config.problems, []);
    assert.deepEqual(config.allow, ['acme', 'acme cloud']);
    assert.deepEqual(config.settings.words?.hardSelling, [{ phrase: 'act fast', rewrite: 'file rewrite' }, { phrase: 'grab yours' }]);
    assert.deepEqual(config.settings.words?.hooks, [{ phrase: '评论区见' }]);
  });

  it('names the setting, the index and the path when the host could not read a file', () => {
    const config = resolveConfig(
      withFiles({}, [
        { path: 'lists/ok.json', content: { allow: ['Acme'] } },
        { path: 'lists/missing.yaml', problem: { en: 'does not exist; check the path.', zh: '不存在。' } },
      ]),
    );
    assert.deepEqual(config.problems, [{ key: 'postlint.wordLists[1]', message: '"lists/missing.yaml": does not exist; check the path.' }]);
    // The file that could be read still counts.
    assert.deepEqual(config.allow, ['acme']);
  });

  it('names the file and the entry when its content is wrong', () => {
    const config = resolveConfig(
      withFiles({}, [
        { path: 'a.yaml', content: ['not', 'a', 'mapping'] },
        { path: 'b.yaml', content: { hardSelling: [{ phrase: 'ok' }, 12], slogans: ['x'] } },
      ]),
    );
    assert.deepEqual(
      config.problems.map((p) => p.key),
      ['postlint.wordLists[0]', 'postlint.wordLists[1] "b.yaml" hardSelling[1]', 'postlint.wordLists[1] "b.yaml" slogans'],
    );
    assert.deepEqual(config.settings.words?.hardSelling, [{ phrase: 'ok' }]);
  });

  it('checks wordLists itself: a list of paths, at most 20', () => {
    assert.deepEqual(resolveConfig({ wordLists: 'lists.yaml' } as unknown as PostlintSettings).problems.map((p) => p.key), ['postlint.wordLists']);
    assert.deepEqual(resolveConfig({ wordLists: ['ok.yaml', 3, ''] } as unknown as PostlintSettings).problems.map((p) => p.key), ['postlint.wordLists[1]', 'postlint.wordLists[2]']);
    const many = Array.from({ length: 25 }, (_, i) => `l${i}.json`);
    assert.match(resolveConfig({ wordLists: many }).problems[0].message, /names 25 files; only the first 20 are read/);
  });

  it('ignores word lists and patterns in a restricted (untrusted) workspace, saying so', () => {
    const settings = withFiles({ patterns: [{ pattern: 'Acme', message: 'm' }], restricted: true }, [{ path: 'a.json', content: { allow: ['Acme'] } }]);
    const config = resolveConfig(settings);
    assert.deepEqual(config.allow, []);
    assert.equal(config.patterns.list.length, 0);
    assert.deepEqual(config.problems.map((p) => p.key), ['postlint.wordLists', 'postlint.patterns']);
    assert.match(config.problems[1].message, /ignored in Restricted Mode.*trust this workspace/);
    // Nothing to ignore, nothing to say.
    assert.deepEqual(resolveConfig({ restricted: true, patterns: [], wordLists: [] }).problems, []);
  });

  it("feeds a file's phrases to the lexicon rule they belong to", () => {
    // The team's own sign-off counts as an invitation to respond, so no-hook stops asking for one.
    const text = 'New release notes are up. Drop a pin on the map.';
    const noHook = (settings: PostlintSettings) => lint(text, settings).diagnostics.filter((d) => d.rule === 'no-hook');
    assert.equal(noHook({}).length, 1);
    assert.equal(noHook(withFiles({}, [{ path: 'hooks.yaml', content: { hooks: ['drop a pin'] } }])).length, 0);
  });
});

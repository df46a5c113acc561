import { strict as assert } from 'node:assert';
import { fileInFolder } from './clientWordLists';

describe('fileInFolder: the word list a setting names in a folder not on the disk', () => {
  const folder = 'vscode-vfs://github/acme/posts';

  it('resolves relative, Windows and folder-rooted paths inside the folder', () => {
    for (const path of ['lists/team.yaml', 'lists\\team.yaml', '/acme/posts/lists/team.yaml', './lists/../lists/team.yaml']) {
      assert.deepEqual(fileInFolder(folder, path), { uri: `${folder}/lists/team.yaml`, folder, relativePath: 'lists/team.yaml' }, path);
    }
    assert.deepEqual(fileInFolder(`${folder}/`, 'a.json'), { uri: `${folder}/a.json`, folder, relativePath: 'a.json' });
  });

  it('keeps the slash a folder at the root was given, which its watcher needs', () => {
    for (const root of ['vscode-test-web://mount', 'vscode-test-web://mount/']) {
      assert.deepEqual(fileInFolder(root, 'lists/team.json'), { uri: 'vscode-test-web://mount/lists/team.json', folder: root, relativePath: 'lists/team.json' });
    }
  });

  it('keeps ?, # and % in a file name as part of the path', () => {
    assert.deepEqual(fileInFolder(folder, 'my list?#%.json'), { uri: `${folder}/my%20list%3F%23%25.json`, folder, relativePath: 'my list?#%.json' });
  });

  it('refuses paths that leave the folder, name another authority, or name the folder itself', () => {
    for (const path of ['../other/secret.json', 'a/../../posts2/x.json', '/other/a.json', '//evil/acme/posts/x.json', '.', '']) {
      assert.equal(fileInFolder(folder, path), undefined, path);
    }
  });

  it('refuses a folder that is not hierarchical', () => {
    assert.equal(fileInFolder('untitled:Untitled-1', 'x.yaml'), undefined);
  });
});

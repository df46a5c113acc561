import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { PACKAGED_ENV } from '../scenarios';
import { EXTENSION_ID } from './helpers';

// The .vsix run must test what users install, not the checkout the tests came from.
describe('the extension under test', () => {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);

  if (process.env[PACKAGED_ENV]) {
    it('is the installed .vsix: bundled code only, no sources or source maps', () => {
      assert.ok(extension);
      assert.match(extension.extensionPath, /postlint\.postlint-\d+\.\d+\.\d+/, 'installed under publisher.name-version');
      assert.equal(extension.extensionKind, vscode.ExtensionKind.Workspace);
      for (const shipped of ['dist/client.js', 'dist/server.js', 'dist/postlint-server.js', 'dist/web/client.js', 'dist/web/server.js', 'syntaxes/postmd.tmLanguage.json', 'package.nls.zh-cn.json', 'images/icon.png']) {
        assert.ok(existsSync(join(extension.extensionPath, shipped)), `${shipped} is in the package`);
      }
      for (const left of ['client', 'server', 'node_modules', 'test', 'dist/server.js.map', 'dist/web/server.js.map', 'dist/cli.js']) {
        assert.ok(!existsSync(join(extension.extensionPath, left)), `${left} is not in the package`);
      }
    });
  } else {
    it('is the development folder', () => {
      assert.ok(extension);
      assert.ok(existsSync(join(extension.extensionPath, 'client', 'src', 'extension.ts')), extension.extensionPath);
    });
  }
});

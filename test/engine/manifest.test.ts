import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generatedFiles, PACKAGE_JSON, ROOT, rulesSettingSchema } from '../../scripts/manifest';
import { RULES } from '../../server/src/engine';

describe('the extension manifest follows the rules', () => {
  const manifest = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8'));
  const properties = manifest.contributes.configuration.properties;

  it('postlint.rules lists every rule id and option (run `npm run manifest` after changing a rule)', () => {
    const { scope: _scope, markdownDescription: _description, ...schema } = properties['postlint.rules'];
    assert.deepEqual(schema, rulesSettingSchema());
  });

  it('package.json, package.nls*.json and docs/configuration.md follow the phrase families (run `npm run manifest`)', () => {
    for (const [path, content] of generatedFiles()) assert.equal(readFileSync(path, 'utf8'), content, `${path.slice(ROOT.length + 1)} is stale`);
  });

  it('every setting has a default, a description and the resource scope', () => {
    for (const [key, schema] of Object.entries<Record<string, unknown>>(properties)) {
      assert.ok('default' in schema, `${key} has no default`);
      assert.ok(schema.markdownDescription || schema.description, `${key} has no description`);
      // The language client's own trace setting is one per window, as in every language extension.
      assert.equal(schema.scope, key === 'postlint.trace.server' ? 'window' : 'resource', key);
    }
  });

  it('posts wrap and keep full-width punctuation unboxed; the Platform setting describes each platform', () => {
    assert.deepEqual(manifest.contributes.configurationDefaults['[postmd]'], { 'editor.wordWrap': 'on', 'editor.unicodeHighlight.ambiguousCharacters': false });
    const platform = properties['postlint.platform'];
    assert.equal(platform.markdownEnumDescriptions.length, platform.enum.length);
    const zh = JSON.parse(readFileSync(`${__dirname}/../../package.nls.zh-cn.json`, 'utf8'));
    assert.equal(zh['config.platform.weibo'], '微博：上限 2000 字，140 字后折叠；两个英文字母或数字算 1 个字。');
  });

  it('every rule has a doc page and a description in both languages', () => {
    for (const rule of RULES) {
      assert.ok(rule.meta.description.en && rule.meta.description.zh && rule.meta.rationale.zh, rule.meta.id);
      assert.ok(rule.meta.docs.endsWith(`docs/rules/${rule.meta.id}.md`), rule.meta.id);
      readFileSync(`${__dirname}/../../docs/rules/${rule.meta.id}.md`, 'utf8');
    }
  });

  it('every %placeholder% in the manifest has an English and a Chinese string', () => {
    const en = JSON.parse(readFileSync(`${__dirname}/../../package.nls.json`, 'utf8'));
    const zh = JSON.parse(readFileSync(`${__dirname}/../../package.nls.zh-cn.json`, 'utf8'));
    const keys = [...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 10);
    for (const key of keys) {
      assert.ok(en[key], `package.nls.json lacks ${key}`);
      assert.ok(zh[key], `package.nls.zh-cn.json lacks ${key}`);
    }
  });
});

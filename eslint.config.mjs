import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';
import { importGraphDigest, noImportCircle } from './scripts/lint/importCircles.mjs';

// The layering `npm test` holds the code to (`npm run lint`): no import circles anywhere, type-only imports
// included; the engine is pure
// (no LSP, CLI, host or client code, no `vscode`, no file system); the engine's core imports no rule (only
// `engine/index.ts` brings the built-in rules to it); code outside the engine goes through `engine/index.ts`.
const ENGINE_IMPURE = {
  paths: ['vscode', 'fs', 'node:fs', 'fs/promises', 'node:fs/promises'].map((name) => ({ name, message: 'The engine is pure: no editor, no file system; the host reads files and passes their content.' })),
  patterns: [
    {
      group: ['**/lsp', '**/lsp/**', '**/cli', '**/cli/**', '**/host', '**/host/**', '**/client/**', '**/server', 'vscode-languageserver*', 'vscode-languageclient*', 'vscode-jsonrpc*'],
      message: 'The engine is pure: hosts (lsp, cli, host, client) import the engine, never the other way round.',
    },
  ],
};
const RULES_FROM_CORE = {
  group: ['**/rules', '**/rules/**'],
  message: 'The engine\'s core imports no rule: take the rule set from the config (`config.ruleSet`) or a parameter; `engine/index.ts` binds the built-in rules.',
};
const ENGINE_INTERNALS = {
  // The preview's model and renderer are a second door: the client's webview draws with them and must not
  // bundle the engine behind index.ts.
  regex: '(^|/)engine/(?!index(\\.ts)?$|preview/(html|model)$)',
  message: 'Import the engine through server/src/engine/index.ts (export what you need there).',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.vscode-test/**', 'out/**', '.bench/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setImmediate: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js'],
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // import-x/no-cycle skips `import type`; this one counts every import, types included. The graph's
    // digest makes any import change invalidate ESLint's cache, for both circle rules.
    files: ['**/*.ts', '**/*.mjs'],
    plugins: { postlint: { rules: { 'no-import-circle': noImportCircle } } },
    rules: { 'postlint/no-import-circle': ['error', { graph: importGraphDigest() }] },
  },
  {
    files: ['server/src/engine/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', ENGINE_IMPURE] },
  },
  {
    files: ['server/src/engine/**/*.ts'],
    // The preview sits above the rules, as index.ts does: it marks exactly what the built-in rules find
    // and would remove (findMarkup, the prose index); nothing in the core imports it.
    ignores: ['**/*.test.ts', 'server/src/engine/index.ts', 'server/src/engine/rules/**', 'server/src/engine/preview/**'],
    rules: { 'no-restricted-imports': ['error', { ...ENGINE_IMPURE, patterns: [...ENGINE_IMPURE.patterns, RULES_FROM_CORE] }] },
  },
  {
    // The engine's heavier dependencies load on first use, through require (see the file).
    files: ['server/src/engine/onDemand.ts'],
    rules: { '@typescript-eslint/no-require-imports': ['error', { allow: ['^\\./onDemand/'] }] },
  },
  {
    files: ['server/src/*.ts', 'server/src/cli/**/*.ts', 'server/src/lsp/**/*.ts', 'server/src/host/**/*.ts', 'client/src/**/*.ts', 'shared/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ENGINE_INTERNALS] }] },
  },
);

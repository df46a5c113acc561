// The engine's four heavier dependencies, each loaded the first time a lint needs it: markdown-it for a
// post with Markdown blocks, yaml for front matter and YAML word lists, re2js for a team's own patterns,
// twitter-text for a link that is not a plain one and text Unicode normalization changes. Loading all of
// them at every start cost a short run of the command about 15 ms, and the server's start as much
// (docs/performance.md), for posts that need none of them.
//
// Each is re-exported by a module of `onDemand/` that nothing imports: the bundles then run that module,
// and the package behind it, only when `require` here first asks for it (esbuild turns the required ES
// module and everything only it imports into code that runs on first call); the tests get Node's require.
type MarkdownItModule = typeof import('./onDemand/markdownIt');
type YamlModule = typeof import('./onDemand/yaml');
type Re2Module = typeof import('./onDemand/re2');
type TwitterTextModule = typeof import('./onDemand/twitterText');

/** `load` run on the first call, its value kept. (The `require` stays literal in each loader for esbuild.) */
function onFirstCall<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= load());
}

export const markdownItModule = onFirstCall(() => require('./onDemand/markdownIt') as MarkdownItModule);
export const yamlModule = onFirstCall(() => require('./onDemand/yaml') as YamlModule);
export const re2Module = onFirstCall(() => require('./onDemand/re2') as Re2Module);
export const twitterTextModule = onFirstCall(() => require('./onDemand/twitterText') as TwitterTextModule);

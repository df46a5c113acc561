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

let markdownIt: MarkdownItModule | undefined;
let yaml: YamlModule | undefined;
let re2: Re2Module | undefined;
let twitterText: TwitterTextModule | undefined;

export function markdownItModule(): MarkdownItModule {
  return (markdownIt ??= require('./onDemand/markdownIt') as MarkdownItModule);
}

export function yamlModule(): YamlModule {
  return (yaml ??= require('./onDemand/yaml') as YamlModule);
}

export function re2Module(): Re2Module {
  return (re2 ??= require('./onDemand/re2') as Re2Module);
}

export function twitterTextModule(): TwitterTextModule {
  return (twitterText ??= require('./onDemand/twitterText') as TwitterTextModule);
}

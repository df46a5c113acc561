// Two of twitter-text's own modules, imported on their own so that the X count can read its weights and
// its list of top-level domains without loading the rest of twitter-text (`onDemand.ts`). In the bundles
// they are the same modules twitter-text's ES build imports, so nothing is carried twice.
declare module 'twitter-text/dist/esm/configs' {
  interface Config {
    version: number;
    maxWeightedTweetLength: number;
    scale: number;
    defaultWeight: number;
    transformedURLLength: number;
    ranges: { start: number; end: number; weight: number }[];
  }
  const configs: { version1: Config; version2: Config; version3: Config; defaults: Config };
  export default configs;
}

declare module 'twitter-text/dist/esm/regexp/validGTLD' {
  const validGTLD: RegExp;
  export default validGTLD;
}

declare module 'twitter-text/dist/esm/regexp/validCCTLD' {
  const validCCTLD: RegExp;
  export default validCCTLD;
}

// twemoji-parser's emoji pattern (the one twitter-text counts with); the package declares only its entry point.
declare module 'twemoji-parser/dist/lib/regex' {
  const emoji: RegExp;
  export default emoji;
}

// Texts built to hit the worst case of a scanner, a regular expression or a parser: one token
// repeated, so that a check that rescans the rest of the text from every candidate start goes
// quadratic and shows up as a test that never finishes. Shared by the engine and server tests.

/** Tokens whose repetition has broken text tools: unclosed constructs, runs of punctuation, deep nesting. */
export const REPEATED_TOKENS: readonly string[] = [
  '<!--', '![', '![a](', '<img ', '<video>', '[', '](', '(', ')', '*', '_', '**', '`', '```\n', '~~~\n',
  '> ', '>', '- ', '1. ', '# ', '#', '#话题', '@', '&', '\\', '|', '|a|\n', '    x\n', '---\n', '===\n',
  '\n', '\r', '\r\n', '\n\n', ' ', '\t', '。', '！', '?', '？', '!', '.', '…', '～', '“', '”',
  '汉', 'a ', 'A', 'BUY ', '😀', '👨‍👩‍👧‍👦', '👍🏽', '🇨🇳', 'e\u0301', '\u0301', '\u200d', '\u202e', '\ud800', '\udc00', '\u0000', '\ufeff',
  'https://', 'http://a.b/', 'https://example.com/', 'www.', 'a.b', 'a@b.c ', '#a #b ', '<', '>',
  'buy now ', '立即下单', '欢迎留言', '你们怎么看？\n', 'What do you think?\n', '<!-- thread -->\n', '1/2 ',
  // Every comment was once tested against every code block: quadratic when both abound.
  '<!-- thread -->\n\n    code\n\n', '<!-- postlint-disable-next-line -->\n```\nx\n```\n',
];

/** `token` repeated to at least `size` UTF-16 code units. */
export function repeatTo(token: string, size: number): string {
  return token.repeat(Math.ceil(size / token.length));
}

/** Markdown nested `depth` levels deep in the ways a parser recurses: quotes, lists, both, brackets, HTML. */
export function deeplyNested(depth: number): Record<string, string> {
  return {
    'block quotes on one line': `${'>'.repeat(depth)} deep\n`,
    'block quotes one level per line': Array.from({ length: depth }, (_, i) => `${'>'.repeat(i % 500)} line ${i}`).join('\n'),
    'bullet lists on one line': `${'- '.repeat(depth)}deep\n`,
    'ordered lists on one line': `${'1. '.repeat(depth)}deep\n`,
    'quotes and lists mixed': `${'> - 1. '.repeat(depth / 3)}deep\n`,
    'nested brackets': `${'['.repeat(depth * 10)}x${']('.repeat(depth * 10)}`,
    'nested emphasis': `${'*_'.repeat(depth)}x${'_*'.repeat(depth)}`,
    'nested HTML': `${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}`,
    'nested code spans and fences': `${'`'.repeat(depth)}x\n${'```\n'.repeat(depth)}`,
  };
}

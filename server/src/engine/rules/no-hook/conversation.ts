/**
 * Posts that are already part of a conversation need no closing question: a reply addressed to someone
 * (`@ana thanks, fixed!`, Weibo's `回复@ana:`) or a repost that answers another post (`Well done! RT @ana …`,
 * Weibo's `说得对//@ana: …`). These are platform syntax, not wording, so they live here and not in a lexicon.
 */
const REPLY = /^\.?(?:回复)?[@＠][\p{L}\p{N}_-]/u;
const REPOST = /(?:^|[^\p{L}\p{N}_])(?:RT|MT) ?[@＠][\p{L}\p{N}_]|\/\/[@＠][\p{L}\p{N}_-]/u;

export function isReplyOrRepost(publishedText: string): boolean {
  // Most posts address no one; finding no at sign is far cheaper than running the patterns.
  if (!publishedText.includes('@') && !publishedText.includes('＠')) return false;
  return REPLY.test(publishedText) || REPOST.test(publishedText);
}

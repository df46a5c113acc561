import type { PostLanguage } from '../../types';

/**
 * Closing questions the fix offers, one fix each, the first preferred. Each asks one thing and says
 * where to answer, so the reader knows both that a reply is wanted and how to give it.
 */
export const CLOSING_QUESTIONS: Record<PostLanguage, readonly string[]> = {
  zh: ['你怎么看？欢迎在评论区聊聊。', '你遇到过类似的情况吗？留言说说你的经历。', '换作是你，会怎么选？告诉我们你的答案。'],
  en: ['What do you think? Tell us in the replies.', 'Have you run into this too? Share your story in the replies.', 'Which would you pick? Let us know below.'],
};

import { testRule } from '../../../../../test/helpers/ruleTester';
import { foldRule } from './fold';

const weibo = (body: string) => `---\nplatform: weibo\n---\n${body}\n`;

testRule(foldRule, {
  valid: [
    { name: 'a short Weibo post', text: weibo('今天天气很好。') },
    { name: 'X does not fold', text: `---\nplatform: x\n---\n${'We shipped it. '.repeat(15)}\n` },
  ],
  invalid: [
    {
      name: 'Weibo folds after 140 characters',
      text: weibo('今天天气很好。'.repeat(30)),
      errors: [{ line: 4, column: 141, endLine: 4, endColumn: 142, severity: 'information', message: 'Weibo folds after 140 characters (字) behind 展开全文 ("show full text"): most readers see only this much.', fixes: [] }],
      output: null,
    },
    {
      name: 'LinkedIn folds after 210 characters',
      text: `---\nplatform: linkedin\n---\n${'We shipped it today. '.repeat(20)}\n`,
      errors: [{ line: 4, column: 211, severity: 'information', message: 'LinkedIn folds after 210 characters behind "…see more": most readers see only this much.' }],
    },
  ],
});

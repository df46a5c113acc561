import { testRule } from '../../../../../test/helpers/ruleTester';
import { shoutingRule } from './shouting';

testRule(shoutingRule, {
  valid: [
    'We shipped the new editor today. It saves drafts as you type.\n',
    // One emphatic word is a voice, not shouting.
    'We finally shipped it. AMAZING!!! Try it.\n',
    { name: 'off in settings', text: 'THIS IS THE BIGGEST LAUNCH WE HAVE EVER DONE AND YOU WILL LOVE IT\n', settings: { rules: { 'formatting/shouting': 'off' } } },
  ],
  invalid: [
    {
      text: 'THIS IS THE BIGGEST LAUNCH WE HAVE EVER DONE AND YOU WILL LOVE IT\n',
      errors: [
        {
          text: 'THIS IS THE BIGGEST LAUNCH WE HAVE EVER DONE AND YOU WILL LOVE IT',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 66,
          severity: 'warning',
          message: '14 words in capitals read as shouting, so readers skim past or take offence: write them in sentence case.',
          fixes: ['Change to sentence case'],
        },
      ],
      output: 'This is the biggest launch we have ever done and you will love it\n',
    },
  ],
});

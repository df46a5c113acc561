import { testRule } from '../../../../../test/helpers/ruleTester';
import { fileSizeRule } from './file-size';

// The limit counts UTF-8 bytes, as the file takes on disk (test/hostile/engine.test.ts takes it to 10 MB).
testRule(fileSizeRule, {
  valid: [
    { name: '30 bytes fit in 30', text: '汉'.repeat(10), settings: { maxFileSize: 30 } },
    { name: 'an emoji is 4 bytes, not 6', text: '😀'.repeat(7), settings: { maxFileSize: 28 } },
    { name: 'off in settings', text: '汉'.repeat(11), settings: { maxFileSize: 30, rules: { 'length/file-size': 'off' } } },
  ],
  invalid: [
    {
      name: '31 bytes do not fit in 30',
      text: `${'汉'.repeat(10)}a`,
      settings: { maxFileSize: 30 },
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'information', message: 'This file is 31 B, over postlint.maxFileSize (30 B), so it was not checked: split it into separate posts or raise the setting.', fixes: [] }],
      output: null,
    },
    {
      name: 'the finding never splits a surrogate pair',
      text: `${'😀'.repeat(7)}a`,
      settings: { maxFileSize: 28 },
      errors: [{ text: '😀', severity: 'information', message: /^This file is 29 B, over postlint\.maxFileSize \(28 B\)/ }],
    },
  ],
});

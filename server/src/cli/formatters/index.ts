import { githubFormatter } from './github';
import { jsonFormatter } from './json';
import { sarifFormatter } from './sarif';
import { stylishFormatter } from './stylish';
import { idTable } from '../../engine';
import type { FormatterFactory } from './types';

export const FORMATTERS: Readonly<Record<string, FormatterFactory>> = idTable({
  stylish: stylishFormatter,
  json: jsonFormatter,
  sarif: sarifFormatter,
  github: githubFormatter,
});

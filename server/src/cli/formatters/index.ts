import { githubFormatter } from './github';
import { jsonFormatter } from './json';
import { sarifFormatter } from './sarif';
import { stylishFormatter } from './stylish';
import type { FormatterFactory } from './types';

export const FORMATTERS: Record<string, FormatterFactory> = {
  stylish: stylishFormatter,
  json: jsonFormatter,
  sarif: sarifFormatter,
  github: githubFormatter,
};

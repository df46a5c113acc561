import { jsonFormatter } from './json';
import { stylishFormatter } from './stylish';
import type { FormatterFactory } from './types';

export const FORMATTERS: Record<string, FormatterFactory> = {
  stylish: stylishFormatter,
  json: jsonFormatter,
};

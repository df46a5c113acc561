// Keeps the `postlint.rules` setting's JSON schema in package.json in step with the rules'
// own metadata, so settings.json autocompletes every rule id and option, and flags typos.
// `npm run manifest` rewrites package.json; a test fails when the two drift apart.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../server/src/engine/rules';
import type { OptionSpec } from '../server/src/engine/rule';
import { FAMILIES, SEVERITIES } from '../server/src/engine/types';

const SEVERITY_SCHEMA = { type: 'string', enum: ['off', ...SEVERITIES] };

function optionSchema(spec: OptionSpec): Record<string, unknown> {
  const description = spec.description.en;
  switch (spec.type) {
    case 'number':
      return { type: 'number', default: spec.default, ...(spec.min !== undefined ? { minimum: spec.min } : {}), ...(spec.max !== undefined ? { maximum: spec.max } : {}), description };
    case 'boolean':
      return { type: 'boolean', default: spec.default, description };
    case 'string':
      return { type: 'string', default: spec.default, ...(spec.enum ? { enum: [...spec.enum] } : {}), description };
    case 'string[]':
      return { type: 'array', items: { type: 'string' }, default: [...spec.default], description };
  }
}

export function rulesSettingSchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const family of FAMILIES) {
    properties[family] = {
      description: `Every rule of the ${family} family: ${RULES.filter((r) => r.meta.family === family).map((r) => r.meta.id).join(', ')}.`,
      anyOf: [SEVERITY_SCHEMA, { type: 'object', properties: { severity: SEVERITY_SCHEMA } }],
    };
  }
  for (const rule of RULES) {
    const options = Object.fromEntries(Object.entries(rule.meta.options ?? {}).map(([name, spec]) => [name, optionSchema(spec)]));
    properties[rule.meta.id] = {
      description: `${rule.meta.description.en} (default: ${rule.meta.defaultSeverity})`,
      anyOf: [SEVERITY_SCHEMA, { type: 'object', properties: { severity: SEVERITY_SCHEMA, ...options }, additionalProperties: false }],
    };
  }
  return { type: 'object', default: {}, properties, additionalProperties: false };
}

export const PACKAGE_JSON = join(__dirname, '..', 'package.json');

if (require.main === module) {
  const manifest = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8'));
  const current = manifest.contributes.configuration.properties['postlint.rules'];
  manifest.contributes.configuration.properties['postlint.rules'] = { ...rulesSettingSchema(), scope: current.scope, markdownDescription: current.markdownDescription };
  writeFileSync(PACKAGE_JSON, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log('package.json: postlint.rules schema updated from the rules\' metadata');
}

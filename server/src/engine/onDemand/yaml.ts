// Reached only through `onDemand.ts`: see there.
export { isMap, parse, parseDocument } from 'yaml';

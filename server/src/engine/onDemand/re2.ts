// Reached only through `onDemand.ts`: see there.
export { RE2JS, RE2Set } from 're2js';

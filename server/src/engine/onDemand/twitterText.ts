// Reached only through `onDemand.ts`: see there.
export { default as twitter } from 'twitter-text';

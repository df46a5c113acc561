// Reached only through `onDemand.ts`: see there.
export { default as MarkdownIt } from 'markdown-it';

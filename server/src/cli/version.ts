// The package version, set by the bundler; `dev` when run from source.
declare const POSTLINT_VERSION: string | undefined;
export const VERSION = typeof POSTLINT_VERSION === 'string' ? POSTLINT_VERSION : 'dev';

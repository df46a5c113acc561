import type { BuildOptions, Plugin } from 'esbuild';

export declare const noPolyfills: Plugin;
export declare const noLinkify: Plugin;
export declare const noCompiledSignals: Plugin;
export declare const asciiOutput: Plugin;
export declare const onDemandUpFront: Plugin;
export declare function nodeBundle(options: { production: boolean; version: string }): BuildOptions;
export declare function browserBundle(options: { production: boolean; version: string }): BuildOptions;

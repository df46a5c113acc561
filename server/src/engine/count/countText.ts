import { twitterTextModule } from '../onDemand';
import { measure } from './measure';
import { resolvePlatform, type PlatformOverride } from './platforms';

export interface TextCount {
  platform: string;
  length: number;
  limit: number;
  fold?: number;
  valid: boolean;
}

/** Counts raw text (not Markdown) the way the platform does; `undefined` for an unknown platform. */
export function countText(text: string, platform: string, override?: PlatformOverride): TextCount | undefined {
  const spec = resolvePlatform(platform, override);
  if (!spec) return undefined;
  const { length } = measure(text, spec);
  // X also rejects empty posts and characters twitter-text deems invalid.
  const valid = spec.counting === 'x' && !override?.limit ? twitterTextModule().twitter.parseTweet(text).valid : length > 0 && length <= spec.limit;
  const result: TextCount = { platform: spec.id, length, limit: spec.limit, valid };
  if (spec.fold !== undefined) result.fold = spec.fold;
  return result;
}

// A user's home of its own for a test, and the V8 code caches the postlint command and server keep there.
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A home of its own, so the cache lands where the test can see it on any platform. */
export function freshHome(): NodeJS.ProcessEnv {
  const home = mkdtempSync(join(tmpdir(), 'postlint-home-'));
  return { HOME: home, USERPROFILE: home, XDG_CACHE_HOME: join(home, 'cache'), LOCALAPPDATA: join(home, 'local'), POSTLINT_NO_COMPILE_CACHE: '' };
}

export function cacheFiles(env: NodeJS.ProcessEnv): { path: string; mtimeMs: number }[] {
  const found: { path: string; mtimeMs: number }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.v8cache')) found.push({ path, mtimeMs: statSync(path).mtimeMs });
    }
  };
  walk(env.HOME!);
  return found;
}

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface BundleSizes {
  /** The server, a small launcher (server.js) and the bundle it runs, as `npm run build` leaves them (unminified, for the tests and debugging). */
  developmentServerBytes: number;
  /** The same as the packaged extension ships them (`--production`: minified, no source map). */
  productionServerBytes: number;
  productionClientBytes: number;
  productionCliBytes: number;
  /** The `browser` entry (vscode.dev, github.dev) and the server worker it starts, as the .vsix ships them. */
  productionWebClientBytes: number;
  productionWebServerBytes: number;
  /** What fills the production server bundle, largest first. */
  serverComposition: { origin: string; bytes: number }[];
  vsix?: { file: string; bytes: number; modified: Date };
}

interface Metafile {
  outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
}

/** Builds the production bundles into `outdir` (dist/ stays as the tests expect it) and weighs them. */
export function measureSizes(repoRoot: string, outdir: string): BundleSizes {
  execFileSync(process.execPath, ['esbuild.config.mjs', '--production', '--metafile', `--outdir=${outdir}`], { cwd: repoRoot, stdio: 'inherit' });
  const size = (file: string) => statSync(file).size;
  const server = (dir: string) => size(join(dir, 'server.js')) + size(join(dir, 'postlint-server.js'));
  return {
    developmentServerBytes: server(join(repoRoot, 'dist')),
    productionServerBytes: server(outdir),
    productionClientBytes: size(join(outdir, 'client.js')),
    // The command is a small launcher (cli.js) and the bundle it runs.
    productionCliBytes: size(join(outdir, 'cli.js')) + size(join(outdir, 'postlint-cli.js')),
    productionWebClientBytes: size(join(outdir, 'web', 'client.js')),
    productionWebServerBytes: size(join(outdir, 'web', 'server.js')),
    serverComposition: composition(JSON.parse(readFileSync(join(outdir, 'postlint-server.meta.json'), 'utf8')) as Metafile),
    vsix: newestVsix(repoRoot),
  };
}

/** Bytes in the output per npm package (or `postlint` for the project's own code). */
function composition(meta: Metafile): { origin: string; bytes: number }[] {
  const totals = new Map<string, number>();
  for (const output of Object.values(meta.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      const origin = match ? match[1] : 'postlint';
      totals.set(origin, (totals.get(origin) ?? 0) + bytesInOutput);
    }
  }
  return [...totals].map(([origin, bytes]) => ({ origin, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/** The newest `.vsix` in the repository root, if `npm run package` has made one. */
function newestVsix(repoRoot: string): BundleSizes['vsix'] {
  const files = readdirSync(repoRoot)
    .filter((f) => f.endsWith('.vsix'))
    .map((file) => ({ file, stat: statSync(join(repoRoot, file)) }))
    .sort((a, b) => b.stat.mtimeMs - a.stat.mtimeMs);
  if (files.length === 0) return undefined;
  return { file: files[0].file, bytes: files[0].stat.size, modified: files[0].stat.mtime };
}

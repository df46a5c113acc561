// Runs one linter once on one file in a fresh process and prints its time and peak memory as JSON.
// The benchmark bundles this file (like the shipped server) and runs it per measurement, so that
// one linter's heap never inflates another's peak RSS.
import { readFileSync } from 'node:fs';
import { lint } from '../server/src/engine';

export interface ChildReport {
  ms: number;
  maxRssMb: number;
  findings: number;
}

async function main(): Promise<void> {
  const [mode, file, prhPath] = process.argv.slice(2);
  const text = mode === 'node' ? '' : readFileSync(file, 'utf8');
  let run: () => number | Promise<number>;
  if (mode === 'postlint') run = () => lint(text, {}).diagnostics.length;
  else if (mode === 'node') run = () => 0;
  else {
    const { loadPeers } = await import('./peers');
    const peers = await loadPeers(prhPath);
    if (mode === 'markdownlint') run = () => peers.markdownlint(text);
    else if (mode === 'textlint') run = () => peers.textlint(text);
    else throw new Error(`unknown mode ${mode}`);
  }
  const start = process.hrtime.bigint();
  const findings = await run();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const report: ChildReport = { ms, maxRssMb: process.resourceUsage().maxRSS / 1024, findings };
  process.stdout.write(JSON.stringify(report));
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exitCode = 1;
});

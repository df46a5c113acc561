import { readFileSync } from 'node:fs';
import { TestLspClient } from '../test/helpers/lspClient';
import { timedEnv, usageProbe, type UsageProbe } from './processes';
import { distribution, type Distribution } from './timing';

const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

/** With the debounce at 0 the round trip is the server's own cost: sync, lint, translate, publish. */
const NO_DEBOUNCE = { debounceMs: 0 };

export interface ServerStart {
  /** Median wall-clock ms from spawning the built server to its first diagnostics for an opened post. */
  wallMs: number;
  /** Median CPU ms the server process used for all of it, through shutdown. */
  cpuMs: number;
}

export interface RoundTrips {
  wall: Distribution;
  /** Mean CPU ms the server spent per edit: its CPU over the edits, less that of a session without them. */
  serverCpuMsPerEdit: number;
}

/** Starts the built server with a usage probe and waits for the diagnostics of the opened post. */
async function openSession(probe: UsageProbe, serverPath: string, uri: string, text: string): Promise<TestLspClient> {
  const client = new TestLspClient({ settings: NO_DEBOUNCE, nodeArgs: probe.nodeArgs, env: probe.env, serverPath });
  await client.initialize();
  client.open(uri, text);
  await client.diagnosticsFor(uri, 1);
  return client;
}

/** Ends the session and reads the server's CPU time, which the probe writes as the server exits. */
async function closeSession(client: TestLspClient, probe: UsageProbe): Promise<number> {
  await client.exit();
  return probe.read().cpuMs;
}

export async function timeServerStart(serverPath: string, text: string, runs: number, scratch: string): Promise<ServerStart> {
  const probe = usageProbe(scratch);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = nowMs();
    const client = await openSession(probe, serverPath, `file:///bench/start-${i}.post.md`, text);
    wall.push(nowMs() - start);
    cpu.push(await closeSession(client, probe));
  }
  return { wallMs: distribution(wall).p50, cpuMs: distribution(cpu).p50 };
}

/**
 * `didChange` → `publishDiagnostics` for one post over stdio, `edits` times: each edit types or
 * deletes one character at the end of the first line, as a writer does, and waits for the
 * diagnostics of exactly that version before the next.
 */
export async function timeRoundTrips(serverPath: string, text: string, edits: number, scratch: string): Promise<RoundTrips> {
  const probe = usageProbe(scratch);
  const uri = 'file:///bench/round-trip.post.md';
  const idleCpu = await closeSession(await openSession(probe, serverPath, uri, text), probe);
  const client = await openSession(probe, serverPath, uri, text);
  const firstLineEnd = text.split(/\r\n|\r|\n/)[0].length;
  const samples: number[] = [];
  const warmups = Math.min(20, edits);
  for (let i = 0; i < edits + warmups; i++) {
    const at = { line: 0, character: firstLineEnd };
    const edit = i % 2 === 0 ? { range: { start: at, end: at }, text: 'x' } : { range: { start: at, end: { line: 0, character: firstLineEnd + 1 } }, text: '' };
    const start = nowMs();
    const version = client.change(uri, [edit]);
    await client.diagnosticsFor(uri, version);
    if (i >= warmups) samples.push(nowMs() - start);
  }
  const busyCpu = await closeSession(client, probe);
  return { wall: distribution(samples), serverCpuMsPerEdit: Math.max(0, busyCpu - idleCpu) / (edits + warmups) };
}

export interface OpenPosts {
  posts: number;
  /** The server's resident memory once every post has its diagnostics (Linux; undefined elsewhere). */
  rssMb?: number;
  /** Its peak resident memory over the session. */
  peakRssMb?: number;
  /** Wall-clock ms from the first didOpen to the last post's diagnostics. */
  lastDiagnosticsMs: number;
}

function procStatusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `count` posts open at once in one workspace folder, with the settings every editor sends per
 * document (a fresh JSON object each time, as VS Code answers workspace/configuration): the server's
 * memory once all of them have their diagnostics.
 */
export async function measureOpenPosts(serverPath: string, posts: readonly string[], count: number): Promise<OpenPosts> {
  const folder = 'file:///bench/open-posts';
  const client = new TestLspClient({ settings: { platform: 'weibo', words: { allow: ['bench'] } }, workspaceFolders: [{ uri: folder, name: 'open-posts' }], serverPath, env: timedEnv() });
  await client.initialize();
  const start = nowMs();
  const uris: string[] = [];
  for (let i = 0; i < count; i++) {
    const uri = `${folder}/post-${i}.post.md`;
    uris.push(uri);
    client.open(uri, posts[i % posts.length]);
  }
  for (const uri of uris) await client.diagnostics(uri, (p) => p.version === 1, 600_000);
  const lastDiagnosticsMs = nowMs() - start;
  // Garbage the lints left is not what the open posts hold: let the server go idle a moment first.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const pid = client.process.pid!;
  const result: OpenPosts = { posts: count, rssMb: procStatusMb(pid, 'VmRSS'), peakRssMb: procStatusMb(pid, 'VmHWM'), lastDiagnosticsMs };
  await client.shutdown();
  return result;
}

import { TestLspClient } from '../test/helpers/lspClient';
import { usageProbe, type UsageProbe } from './processes';
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
async function openSession(probe: UsageProbe, uri: string, text: string): Promise<TestLspClient> {
  const client = new TestLspClient({ settings: NO_DEBOUNCE, nodeArgs: probe.nodeArgs, env: probe.env });
  await client.initialize();
  client.open(uri, text);
  await client.diagnosticsFor(uri, 1);
  return client;
}

/**
 * Ends the session the way an editor does and waits for the process to exit on its own, so that
 * the probe has written the server's usage (`TestLspClient.shutdown` kills it straight away).
 */
async function closeSession(client: TestLspClient, probe: UsageProbe): Promise<number> {
  const exited = new Promise<void>((resolve) => client.process.once('exit', () => resolve()));
  await client.connection.sendRequest('shutdown');
  await client.connection.sendNotification('exit');
  await exited;
  client.connection.dispose();
  return probe.read().cpuMs;
}

export async function timeServerStart(text: string, runs: number, scratch: string): Promise<ServerStart> {
  const probe = usageProbe(scratch);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = nowMs();
    const client = await openSession(probe, `file:///bench/start-${i}.post.md`, text);
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
export async function timeRoundTrips(text: string, edits: number, scratch: string): Promise<RoundTrips> {
  const probe = usageProbe(scratch);
  const uri = 'file:///bench/round-trip.post.md';
  const idleCpu = await closeSession(await openSession(probe, uri, text), probe);
  const client = await openSession(probe, uri, text);
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

/** Runs shorter than this finish before anyone wonders whether postlint is stuck. */
export const PROGRESS_DELAY_MS = 1000;
/**
 * Test-only: the delay in milliseconds, so that a test in a real terminal sees the line however fast
 * the machine lints its folder.
 */
export const PROGRESS_DELAY_ENV = 'POSTLINT_TEST_PROGRESS_DELAY_MS';

export function progressDelay(env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = Number(env[PROGRESS_DELAY_ENV]);
  return env[PROGRESS_DELAY_ENV] !== undefined && Number.isFinite(fromEnv) && fromEnv >= 0 ? fromEnv : PROGRESS_DELAY_MS;
}
/** A terminal redrawn more often than this only flickers. */
const REDRAW_MS = 100;
const ERASE_LINE = '\r\u001b[K';

/**
 * "files done / total" on one line of a terminal's stderr, redrawn in place. The caller only creates
 * it for a terminal and for human-readable output: a pipe or a JSON report never sees it.
 */
export class ProgressLine {
  private readonly startedAt: number;
  private shown = false;
  private drawnAt = -Infinity;

  constructor(
    private readonly write: (text: string) => void,
    private readonly total: number,
    private readonly label: (done: number, total: number) => string,
    private readonly now: () => number = Date.now,
    private readonly delayMs: number = PROGRESS_DELAY_MS,
  ) {
    this.startedAt = now();
  }

  /** After each file. Draws once the run has taken a second; redraws at once after `clear`, else at most ten times a second. */
  update(done: number): void {
    const time = this.now();
    if (time - this.startedAt < this.delayMs) return;
    if (this.shown && time - this.drawnAt < REDRAW_MS) return;
    this.write(`${ERASE_LINE}${this.label(done, this.total)}`);
    this.shown = true;
    this.drawnAt = time;
  }

  /** Erases the line before anything else is written, so output never lands after the counter. */
  clear(): void {
    if (!this.shown) return;
    this.write(ERASE_LINE);
    this.shown = false;
  }
}

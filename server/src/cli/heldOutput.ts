/**
 * stdout for the `postlint` command: written in pieces of about 64 KB rather than once per post when
 * it goes to a file or a pipe (2,000 posts were 2,000 system calls, about 10 ms); a terminal gets each
 * file's report at once. The caller flushes before anything goes to stderr, so that the two streams
 * interleave exactly as they would unheld.
 */
export class HeldOutput {
  private held = '';

  constructor(
    private readonly write: (text: string) => void,
    /** Characters held before writing; 0 writes every piece at once. */
    private readonly limit: number,
  ) {}

  add(text: string): void {
    this.held += text;
    if (this.held.length >= this.limit) this.flush();
  }

  flush(): void {
    if (this.held === '') return;
    const text = this.held;
    this.held = '';
    this.write(text);
  }
}

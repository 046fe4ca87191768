/**
 * A progress bar on stderr for runs longer than about a second, on a TTY only; it clears itself so
 * the summary starts on a clean line.
 */
export class Progress {
  private readonly started = Date.now();
  private shown = false;
  private lastDraw = 0;

  constructor(private readonly stream: NodeJS.WriteStream, private readonly enabled: boolean) {}

  update(done: number, total: number): void {
    if (!this.enabled || total === 0) return;
    const now = Date.now();
    if (now - this.started < 1000 || (now - this.lastDraw < 100 && done < total)) return;
    this.lastDraw = now;
    this.shown = true;
    const width = 30;
    const filled = Math.round((done / total) * width);
    this.stream.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} files`);
  }

  clear(): void {
    if (this.shown) this.stream.write('\r\u001b[2K');
    this.shown = false;
  }
}

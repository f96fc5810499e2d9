/*
 * Views are added up in memory and written in batches: one transaction every few seconds
 * instead of one write per reader, so a burst of readers never queues behind the database.
 * A failed write puts its counts back, so nothing is lost; a graceful shutdown flushes.
 */

export interface ViewBatchRow {
  articleId: number;
  day: string;
  views: number;
}

export type ViewWriter = (rows: ViewBatchRow[]) => void | Promise<void>;

export class ViewBuffer {
  private counts = new Map<string, number>();
  private total = 0;

  constructor(
    private readonly write: ViewWriter,
    /** Flush early once this many views wait, to bound memory and staleness under load. */
    private readonly maxPending = 5_000,
  ) {}

  /** Adds one view of `articleId` on UTC `day`. */
  add(articleId: number, day: string): void {
    const key = `${articleId}|${day}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.total += 1;
    if (this.total >= this.maxPending) void this.flush();
  }

  /** Views not yet written. */
  get pending(): number {
    return this.total;
  }

  /** Writes every buffered view in one batch; on failure keeps them for the next flush. Returns views written. */
  async flush(): Promise<number> {
    if (this.total === 0) return 0;
    const taken = this.counts;
    const written = this.total;
    this.counts = new Map();
    this.total = 0;
    const rows = [...taken].map(([key, views]) => {
      const [id, day] = key.split("|");
      return { articleId: Number(id), day: day!, views };
    });
    try {
      await this.write(rows);
      return written;
    } catch (error) {
      for (const [key, views] of taken) this.counts.set(key, (this.counts.get(key) ?? 0) + views);
      this.total += written;
      console.error(`writing ${written} views failed; kept for the next flush`, error);
      return 0;
    }
  }
}

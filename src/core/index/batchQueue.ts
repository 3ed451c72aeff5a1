// Coalesces a stream of keys (file paths from a watcher) into batches: keys
// added within `delayMs` of the first are handled together, each once, and
// keys added while a batch runs wait for the next one. A branch switch of
// thousands of files is a handful of batches, not thousands of refreshes.

/** Runs a callback once after a delay; tests hand in one they advance themselves. */
export interface Timer {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const systemTimer: Timer = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface BatchQueueOptions {
  /** How long the first key of a batch waits for others. */
  delayMs: number;
  /** Called when handling a batch fails; the queue goes on with the next batch. */
  onError?: (error: unknown) => void;
  /** The timer the delay runs on: setTimeout unless another is handed in. */
  timer?: Timer;
}

export class BatchQueue<K> {
  private readonly pending = new Set<K>();
  private timer: unknown;
  private running: Promise<void> = Promise.resolve();
  private disposed = false;
  private readonly clock: Timer;

  constructor(
    private readonly handle: (batch: K[]) => Promise<void>,
    private readonly options: BatchQueueOptions,
  ) {
    this.clock = options.timer ?? systemTimer;
  }

  /** Queues a key; the batch starts `delayMs` after the first key queued since the last one started. */
  add(key: K): void {
    if (this.disposed) return;
    this.pending.add(key);
    this.timer ??= this.clock.set(() => void this.flush(), this.options.delayMs);
  }

  /** Keys waiting for the next batch. */
  get size(): number {
    return this.pending.size;
  }

  /** Handles what is queued now, without waiting for the timer; resolves when that batch is done. */
  flush(): Promise<void> {
    if (this.timer !== undefined) this.clock.clear(this.timer);
    this.timer = undefined;
    // Batches run one after another: the next one starts when this one is done.
    this.running = this.running.then(async () => {
      if (this.pending.size === 0 || this.disposed) return;
      const batch = [...this.pending];
      this.pending.clear();
      try {
        await this.handle(batch);
      } catch (error) {
        // One failed batch must not stop every later one.
        this.options.onError?.(error);
      }
    });
    return this.running;
  }

  /** Resolves when every key queued so far has been handled. */
  async settled(): Promise<void> {
    if (this.timer !== undefined || this.pending.size > 0) await this.flush();
    await this.running;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) this.clock.clear(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }
}

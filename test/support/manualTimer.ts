// A timer the test moves by hand: callbacks run when `advance` passes their
// time, never on their own. For code that takes a `Timer` (BatchQueue).

import type { Timer } from '../../src/core/index/batchQueue';

export class ManualTimer implements Timer {
  private now = 0;
  private next = 1;
  private readonly due = new Map<number, { at: number; callback: () => void }>();

  set(callback: () => void, ms: number): number {
    const id = this.next++;
    this.due.set(id, { at: this.now + ms, callback });
    return id;
  }

  clear(handle: unknown): void {
    this.due.delete(handle as number);
  }

  /** Callbacks waiting to run. */
  get pending(): number {
    return this.due.size;
  }

  /** Moves time on by `ms`, running each callback whose time has come, earliest first. */
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const [id, first] = [...this.due].sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0] ?? [];
      if (id === undefined || !first || first.at > until) break;
      this.due.delete(id);
      this.now = first.at;
      first.callback();
    }
    this.now = until;
  }
}

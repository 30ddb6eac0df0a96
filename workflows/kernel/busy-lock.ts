import { patched } from '@temporalio/workflow';

/**
 * The procedure's busy lock: a person's action is being recorded, or a task is being opened; a second action waits
 * for the first to land (a step is refused as busy, and the client sends it again). Make it in the run's constructor,
 * in the order of its patches.
 */
export class BusyLock {
  private acting = false;
  /** Tasks being opened now; each holds the lock until it is open, whoever else holds it meanwhile. */
  private openingTasks = 0;
  /** Started with this code: busy while a task row is in an inbox but its id not yet known (a step then waits). */
  private readonly whileOpening = patched('busy-while-opening-task');
  /**
   * Started with this code: each task opening holds the lock until its task is open, also when a step held the lock
   * as it began and ended first (it then gave the lock back while the task row was already in an inbox).
   */
  private readonly countsOpenings = patched('busy-lock-counts-openings');

  get held(): boolean {
    return this.acting || this.openingTasks > 0;
  }

  /** A person's action (or the kernel's own, e.g. closing a window) takes or gives back its lock. */
  set action(value: boolean) {
    this.acting = value;
  }

  /** Runs a task opening under the lock, as the procedure's start-time code says. */
  async whileOpeningTask<T>(open: () => Promise<T>): Promise<T> {
    const counts = this.countsOpenings;
    // Earlier code: busy only if it was not (a step that is running keeps, and ends, its own busy lock).
    const locks = !counts && this.whileOpening && !this.held;
    if (locks) this.acting = true;
    if (counts) this.openingTasks++;
    try {
      return await open();
    } finally {
      if (locks) this.acting = false;
      if (counts) this.openingTasks--;
    }
  }
}

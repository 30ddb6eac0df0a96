import type { LawGateActivities } from '../../../activities';

type Name = keyof LawGateActivities;
type Input<K extends Name> = Parameters<LawGateActivities[K]>[0];

/** One held activity call: the worker has started it once `reached` resolves, and it goes on after `release()`. */
export interface Held<K extends Name> {
  reached: Promise<Input<K>>;
  /** Whether the call has been reached yet, without waiting for it. */
  readonly isReached: boolean;
  release: () => void;
}

interface Pending {
  name: Name;
  match: (input: unknown) => boolean;
  reach: (input: unknown) => void;
  gate: Promise<void>;
}

/**
 * Holds a faked activity's call at the boundary until the test releases it, so that a test can line up what the
 * workflow does meanwhile (a timer firing while a step's activity runs). A hold catches the first call it matches,
 * once; a call no hold matches runs at once.
 */
export class ActivityHolds {
  private pending: Pending[] = [];
  private readonly releases: (() => void)[] = [];

  hold<K extends Name>(name: K, match: (input: Input<K>) => boolean): Held<K> {
    let reach!: (input: Input<K>) => void;
    let release!: () => void;
    const held = {
      isReached: false,
      reached: new Promise<Input<K>>((resolve) => (reach = resolve)),
      release: () => release(),
    };
    const gate = new Promise<void>((resolve) => (release = resolve));
    this.releases.push(release);
    this.pending.push({
      name,
      match: match as (input: unknown) => boolean,
      reach: (input) => {
        held.isReached = true;
        reach(input as Input<K>);
      },
      gate,
    });
    return held;
  }

  /** The activities, each call first waiting for the hold that matches it, if any. */
  wrap(activities: LawGateActivities): LawGateActivities {
    const all = activities as unknown as Record<string, (input: unknown) => Promise<unknown>>;
    const wrapped = Object.entries(all).map(([name, run]): [string, (input: unknown) => Promise<unknown>] => [
      name,
      async (input: unknown) => {
        const hit = this.pending.find((h) => h.name === name && h.match(input));
        if (hit) {
          this.pending = this.pending.filter((h) => h !== hit);
          hit.reach(input);
          await hit.gate;
        }
        return run(input);
      },
    ]);
    return Object.fromEntries(wrapped) as unknown as LawGateActivities;
  }

  /** Lets every held call go on (before the worker shuts down), and forgets the holds nothing reached. */
  releaseAll(): void {
    this.pending = [];
    for (const release of this.releases) release();
  }
}

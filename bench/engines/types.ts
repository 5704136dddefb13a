/** What the evaluation benchmark needs from each engine. */
import type { Profile } from '../../src/profile/normalise.js';

export interface BenchEngine {
  /** Row label. */
  name: string;
  /** npm package doing the work, for the table. */
  pkg: string;
  /** Timed on a sample of the profiles only: thousands per second, not millions. */
  slow?: boolean;
  /** 1 for each eligible item, 0 otherwise, in catalogue order. */
  eligible(p: Profile): Uint8Array | Promise<Uint8Array>;
  /** One timed pass, used as a user would use the engine; results are not converted. */
  pass(profiles: readonly Profile[]): void | Promise<void>;
}

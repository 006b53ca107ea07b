/**
 * How often the dashboard polls while a worker rolls deployments out. A context rather than
 * props so tests can speed every poller up at once (see testing/render.tsx).
 */
import { createContext, useContext } from 'react';

export interface PollIntervals {
  /** The deployments list, while a visible row is being rolled out. */
  deploymentsMs: number;
  /** One deployment's steps, while its steps view is open and it is not final. */
  stepsMs: number;
}

export const DEFAULT_POLL_INTERVALS: PollIntervals = { deploymentsMs: 2_000, stepsMs: 1_000 };

export const PollIntervalsContext = createContext<PollIntervals>(DEFAULT_POLL_INTERVALS);

export function usePollIntervals(): PollIntervals {
  return useContext(PollIntervalsContext);
}

import { useQuery } from '@tanstack/react-query';
import { apiClient, isFinal, type Rollout } from '../../../lib/api-client';
import { usePollIntervals } from '../../../lib/polling';
import { deploymentsKey } from './get-deployments';

// Under deploymentsKey, so a manual transition (which invalidates that key) refreshes it too.
export const stepsKey = (id: number) => [...deploymentsKey, 'steps', id] as const;

/** Polled only while a worker still has something to do: not for final or manual deployments. */
export function stepsStillMoving(rollout: Rollout | undefined): boolean {
  return rollout !== undefined && rollout.automated && !isFinal(rollout.status);
}

export function useDeploymentSteps(id: number) {
  const { stepsMs } = usePollIntervals();
  return useQuery({
    queryKey: stepsKey(id),
    queryFn: ({ signal }) => apiClient.getDeploymentSteps(id, signal),
    // Before the first answer there is nothing to poll; after an error the panel offers Retry.
    refetchInterval: (q) => (stepsStillMoving(q.state.data) ? stepsMs : false),
    staleTime: 0,
  });
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient, isRollingOut, type DeploymentQuery } from '../../../lib/api-client';
import { usePollIntervals } from '../../../lib/polling';

export const PAGE_SIZE = 20;
export const deploymentsKey = ['deployments'] as const;
export const deploymentListsKey = [...deploymentsKey, 'list'] as const;

export function useDeployments(query: DeploymentQuery) {
  const { deploymentsMs } = usePollIntervals();
  return useQuery({
    queryKey: [...deploymentListsKey, query],
    queryFn: ({ signal }) => apiClient.listDeployments(query, signal),
    placeholderData: keepPreviousData,
    // Rows a worker is moving change on their own: poll until none on this page is left.
    // Seeded pending rows only move on a click (which refetches), so they do not keep it polling.
    refetchInterval: (q) => (q.state.data?.body.data.some(isRollingOut) ? deploymentsMs : false),
  });
}

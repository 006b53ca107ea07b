import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient, type DeploymentQuery } from '../../../lib/api-client';

export const PAGE_SIZE = 20;
export const deploymentsKey = ['deployments'] as const;

export function useDeployments(query: DeploymentQuery) {
  return useQuery({
    queryKey: [...deploymentsKey, 'list', query],
    queryFn: ({ signal }) => apiClient.listDeployments(query, signal),
    placeholderData: keepPreviousData,
  });
}

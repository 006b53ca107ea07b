import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

export const healthKey = ['health'] as const;

export function useHealth(intervalMs: number) {
  return useQuery({
    queryKey: healthKey,
    queryFn: ({ signal }) => apiClient.getHealth(signal),
    refetchInterval: intervalMs,
    refetchIntervalInBackground: false,
    retry: false,
    staleTime: 0,
  });
}

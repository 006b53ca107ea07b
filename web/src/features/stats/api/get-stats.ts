import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

export const statsKey = ['stats'] as const;

export function useStats() {
  return useQuery({
    queryKey: statsKey,
    queryFn: ({ signal }) => apiClient.getStats(signal),
    select: (r) => r.body.data,
  });
}

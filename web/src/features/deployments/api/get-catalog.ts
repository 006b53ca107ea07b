import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

/** Services and environments change rarely: pickers and filters share these two queries. */
export function useServices() {
  return useQuery({
    queryKey: ['services'],
    queryFn: ({ signal }) => apiClient.listServices(signal),
    select: (r) => r.body.data,
    staleTime: 60_000,
  });
}

export function useEnvironments() {
  return useQuery({
    queryKey: ['environments'],
    queryFn: ({ signal }) => apiClient.listEnvironments(signal),
    select: (r) => r.body.data,
    staleTime: 60_000,
  });
}

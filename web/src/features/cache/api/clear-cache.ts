import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

export function useClearCache() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiClient.clearCache(),
    // Refetch every cacheable read now, so the next answers are visibly MISS.
    onSuccess: () => qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'health' }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, type NewDeployment } from '../../../lib/api-client';
import { deploymentsKey } from './get-deployments';

export function useCreateDeployment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: NewDeployment) => apiClient.createDeployment(input),
    onSuccess: async () => {
      // The API invalidated its cache on the write; refetch so the new row shows up.
      await Promise.all([
        qc.invalidateQueries({ queryKey: deploymentsKey }),
        qc.invalidateQueries({ queryKey: ['stats'] }),
      ]);
    },
  });
}

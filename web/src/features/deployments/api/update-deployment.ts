import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, type DeploymentPatch } from '../../../lib/api-client';
import { deploymentsKey } from './get-deployments';

export function useUpdateDeployment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: DeploymentPatch }) =>
      apiClient.updateDeployment(id, patch),
    // Success or 409 (someone else moved it): either way the list must show the truth.
    onSettled: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: deploymentsKey }),
        qc.invalidateQueries({ queryKey: ['stats'] }),
      ]);
    },
  });
}

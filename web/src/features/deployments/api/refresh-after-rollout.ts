import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { Deployment, DeploymentStatus } from '../../../lib/api-client';
import { statsKey } from '../../stats/api/get-stats';
import { deploymentListsKey } from './get-deployments';

/**
 * The worker changes statuses without the dashboard writing anything, so nothing invalidates the
 * statistics. When a polled list shows an automated row in a new status, refetch them.
 */
export function useRefreshStatsWhenRowsMove(rows: Deployment[] | undefined) {
  const qc = useQueryClient();
  const lastSeen = useRef(new Map<number, DeploymentStatus>());
  useEffect(() => {
    if (!rows) return;
    let moved = false;
    for (const d of rows) {
      if (!d.automated) continue;
      const before = lastSeen.current.get(d.id);
      if (before !== undefined && before !== d.status) moved = true;
      lastSeen.current.set(d.id, d.status);
    }
    if (moved) void qc.invalidateQueries({ queryKey: statsKey });
  }, [rows, qc]);
}

/**
 * The steps view polls faster than the list: when it sees the deployment change status, the
 * table and the statistics catch up at once instead of on their next poll.
 */
export function useRefreshListWhenStatusChanges(status: DeploymentStatus | undefined) {
  const qc = useQueryClient();
  const previous = useRef(status);
  useEffect(() => {
    if (status === undefined) return;
    if (previous.current !== undefined && previous.current !== status) {
      void qc.invalidateQueries({ queryKey: deploymentListsKey });
      void qc.invalidateQueries({ queryKey: statsKey });
    }
    previous.current = status;
  }, [status, qc]);
}

import type { Deployment } from '../../../lib/api-client';
import { formatDateTime, formatDuration, formatRelative } from '../../../lib/format';
import { StatusActions } from './StatusActions';
import { StatusBadge } from './StatusBadge';

function duration(d: Deployment): string {
  if (d.completed_at) return formatDuration(d.started_at, d.completed_at) || '—';
  return d.status === 'in_progress' ? 'running' : '—';
}

export function DeploymentsTable({
  rows,
  highlightId,
}: {
  rows: Deployment[];
  highlightId?: number | null;
}) {
  return (
    <table className="deployments" data-testid="deployments-table">
      <caption className="sr-only">Deployments, newest first</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Service</th>
          <th scope="col">Environment</th>
          <th scope="col">Version</th>
          <th scope="col">Status</th>
          <th scope="col">Deployed by</th>
          <th scope="col">Started</th>
          <th scope="col">Duration</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr
            key={d.id}
            data-testid={`deployment-row-${d.id}`}
            data-status={d.status}
            className={highlightId === d.id ? 'row-new' : undefined}
          >
            <td data-label="#" className="num muted">
              {d.id}
            </td>
            <td data-label="Service" className="strong">
              {d.service.name}
            </td>
            <td data-label="Environment">
              <span className={`env-tag env-${d.environment.name}`}>{d.environment.name}</span>
            </td>
            <td data-label="Version" className="mono">
              {d.version}
            </td>
            <td data-label="Status">
              <StatusBadge status={d.status} />
              {d.error_message && (
                <div className="error-msg" title={d.error_message}>
                  {d.error_message}
                </div>
              )}
            </td>
            <td data-label="Deployed by" className="ellipsis" title={d.deployed_by}>
              {d.deployed_by}
            </td>
            <td data-label="Started">
              <time dateTime={d.started_at} title={formatDateTime(d.started_at)}>
                {formatRelative(d.started_at)}
              </time>
            </td>
            <td data-label="Duration" className="num">
              {duration(d)}
            </td>
            <td data-label="Actions">
              <StatusActions deployment={d} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

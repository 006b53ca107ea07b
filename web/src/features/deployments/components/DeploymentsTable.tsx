import type { MouseEvent } from 'react';
import type { Deployment } from '../../../lib/api-client';
import { formatDateTime, formatDuration, formatRelative } from '../../../lib/format';
import { StatusActions } from './StatusActions';
import { StatusBadge } from './StatusBadge';
import { StepsButton } from './StepsButton';

function rowClass(
  id: number,
  highlightId: number | null | undefined,
  selectedId: number | null | undefined,
): string {
  return ['row-clickable', highlightId === id && 'row-new', selectedId === id && 'row-selected']
    .filter(Boolean)
    .join(' ');
}

function duration(d: Deployment): string {
  if (d.completed_at) return formatDuration(d.started_at, d.completed_at) || '—';
  return d.status === 'in_progress' ? 'running' : '—';
}

// A click on these belongs to them, not to the row.
const INTERACTIVE = 'button, a, input, select, textarea, label, form';

interface Props {
  rows: Deployment[];
  highlightId?: number | null;
  /** The deployment whose steps are open, if any. */
  selectedId?: number | null;
  /** `opener` gets focus back when the panel closes (none for a row without a Steps button). */
  onShowSteps: (id: number, opener: HTMLElement | null) => void;
}

export function DeploymentsTable({ rows, highlightId, selectedId, onShowSteps }: Props) {
  // Mouse users may click anywhere on a row; keyboard users get the Steps button of the rows
  // that have steps.
  const onRowClick = (e: MouseEvent<HTMLTableRowElement>, id: number) => {
    const target = e.target as Element;
    if (target.closest(INTERACTIVE)) return;
    if (window.getSelection()?.toString()) return; // selecting text to copy, not opening
    onShowSteps(id, e.currentTarget.querySelector<HTMLElement>('[data-testid="steps-button"]'));
  };

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
            data-automated={d.automated}
            className={rowClass(d.id, highlightId, selectedId)}
            onClick={(e) => onRowClick(e, d.id)}
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
              {/* Seeded rows have no steps (a click on the row still says so): no button. */}
              <div className="row-tools">
                {d.automated && (
                  <StepsButton
                    deployment={d}
                    expanded={selectedId === d.id}
                    onOpen={(opener) => onShowSteps(d.id, opener)}
                  />
                )}
                <StatusActions deployment={d} />
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

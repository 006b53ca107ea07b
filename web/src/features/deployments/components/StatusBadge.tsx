import type { DeploymentStatus } from '../../../lib/api-client';
import { humanStatus } from '../../../lib/format';

export function StatusBadge({ status }: { status: DeploymentStatus }) {
  return (
    <span
      className={`status-badge status-${status}`}
      data-testid="status-badge"
      data-status={status}
    >
      {humanStatus(status)}
    </span>
  );
}

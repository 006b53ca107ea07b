import { DEPLOYMENT_STATUSES } from '../../../lib/api-client';
import { humanStatus } from '../../../lib/format';
import type { Filters } from '../../../hooks/use-url-filters';
import { useEnvironments, useServices } from '../api/get-catalog';

interface Props {
  filters: Filters;
  onChange: (next: Partial<Filters>) => void;
}

export function DeploymentFilters({ filters, onChange }: Props) {
  const services = useServices();
  const environments = useEnvironments();
  const active = Boolean(filters.service || filters.environment || filters.status);

  return (
    <div className="filters" role="group" aria-label="Filter deployments">
      <label>
        <span>Service</span>
        <select
          value={filters.service}
          onChange={(e) => onChange({ service: e.target.value })}
          data-testid="filter-service"
        >
          <option value="">All services</option>
          {services.data?.map((s) => (
            <option key={s.id} value={s.name}>
              {s.name}
            </option>
          ))}
          {filters.service && !services.data?.some((s) => s.name === filters.service) && (
            <option value={filters.service}>{filters.service}</option>
          )}
        </select>
      </label>
      <label>
        <span>Environment</span>
        <select
          value={filters.environment}
          onChange={(e) => onChange({ environment: e.target.value })}
          data-testid="filter-environment"
        >
          <option value="">All environments</option>
          {environments.data?.map((env) => (
            <option key={env.id} value={env.name}>
              {env.name}
            </option>
          ))}
          {filters.environment &&
            !environments.data?.some((e) => e.name === filters.environment) && (
              <option value={filters.environment}>{filters.environment}</option>
            )}
        </select>
      </label>
      <label>
        <span>Status</span>
        <select
          value={filters.status}
          onChange={(e) => onChange({ status: e.target.value as Filters['status'] })}
          data-testid="filter-status"
        >
          <option value="">All statuses</option>
          {DEPLOYMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {humanStatus(s)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="btn btn-ghost"
        disabled={!active}
        onClick={() => onChange({ service: '', environment: '', status: '' })}
        data-testid="filter-clear"
      >
        Clear filters
      </button>
    </div>
  );
}

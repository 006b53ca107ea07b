import { useRef, useState } from 'react';
import { useUrlFilters } from '../../../hooks/use-url-filters';
import { isRollingOut } from '../../../lib/api-client';
import { PAGE_SIZE, useDeployments } from '../api/get-deployments';
import { useRefreshStatsWhenRowsMove } from '../api/refresh-after-rollout';
import { DeploymentFilters } from './DeploymentFilters';
import { DeploymentsTable } from './DeploymentsTable';
import { Pagination } from './Pagination';
import { StepsDrawer } from './StepsDrawer';

/** Filters (in the URL), the table, pagination, and the empty / error states. */
export function DeploymentsPanel({ highlightId }: { highlightId?: number | null }) {
  const [filters, setFilters] = useUrlFilters();
  const query = {
    service: filters.service || undefined,
    environment: filters.environment || undefined,
    status: filters.status || undefined,
    limit: PAGE_SIZE,
    offset: (filters.page - 1) * PAGE_SIZE,
  };
  const { data, isPending, isError, error, refetch, isFetching } = useDeployments(query);
  const filtered = Boolean(filters.service || filters.environment || filters.status);
  const list = data?.body;
  useRefreshStatsWhenRowsMove(list?.data);
  const rollingOut = list?.data.filter(isRollingOut).length ?? 0;

  const [stepsFor, setStepsFor] = useState<number | null>(null);
  const stepsOpener = useRef<HTMLElement | null>(null);
  const showSteps = (id: number, opener: HTMLElement | null) => {
    stepsOpener.current = opener;
    setStepsFor(id);
  };
  const closeSteps = () => {
    setStepsFor(null);
    // Back to the button that opened it; else (a row click, or the row has gone from the page)
    // to the table's heading, without scrolling the page away from where the user was.
    const opener = stepsOpener.current;
    if (opener?.isConnected) opener.focus();
    else document.getElementById('deployments-title')?.focus({ preventScroll: true });
  };

  let content;
  if (isPending) {
    content = (
      <p className="state-box muted" aria-busy="true">
        Loading deployments…
      </p>
    );
  } else if (isError && !list) {
    content = (
      <div className="state-box state-error" role="alert" data-testid="deployments-error">
        <strong>Could not load deployments.</strong> {error.message} Check that the stack is up (
        <code>make status</code>, <code>make logs SVC=api</code>), then{' '}
        <button type="button" className="btn btn-small" onClick={() => void refetch()}>
          Retry
        </button>
      </div>
    );
  } else if (list && list.data.length === 0) {
    content = (
      <div className="state-box" data-testid="deployments-empty">
        {filtered || filters.page > 1 ? (
          <>
            <strong>No deployments match these filters.</strong>{' '}
            <button
              type="button"
              className="btn btn-small"
              onClick={() => setFilters({ service: '', environment: '', status: '' })}
            >
              Clear filters
            </button>
          </>
        ) : (
          <>
            <strong>No deployments yet.</strong> Create one with the form, or load the sample data
            with <code>make seed</code>.
          </>
        )}
      </div>
    );
  } else if (list) {
    content = (
      <>
        <div className="table-wrap">
          <DeploymentsTable
            rows={list.data}
            highlightId={highlightId ?? null}
            selectedId={stepsFor}
            onShowSteps={showSteps}
          />
        </div>
        <Pagination
          page={filters.page}
          pageSize={PAGE_SIZE}
          count={list.count}
          onPage={(page) => setFilters({ page })}
        />
      </>
    );
  }

  return (
    <section className="panel" aria-labelledby="deployments-title">
      <div className="panel-head">
        <h2 id="deployments-title" tabIndex={-1}>
          Deployments
        </h2>
        {list && (
          <span className="muted" data-testid="deployments-count">
            {list.count} {filtered ? 'matching' : 'total'}
          </span>
        )}
        {rollingOut > 0 && (
          <span className="live" data-testid="deployments-live">
            <span className="live-dot" aria-hidden="true" /> {rollingOut} rolling out, updating live
          </span>
        )}
        <button
          type="button"
          className="btn btn-small push-right"
          onClick={() => void refetch()}
          disabled={isFetching}
          data-testid="refresh-deployments"
        >
          {isFetching ? 'Loading…' : 'Refresh'}
        </button>
      </div>
      <DeploymentFilters filters={filters} onChange={setFilters} />
      {isError && list && (
        <p className="field-error" role="alert">
          Refresh failed: {error.message}
        </p>
      )}
      {content}
      {stepsFor !== null && (
        <StepsDrawer
          deploymentId={stepsFor}
          deployment={list?.data.find((d) => d.id === stepsFor)}
          onClose={closeSteps}
        />
      )}
    </section>
  );
}

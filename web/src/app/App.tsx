import { useState } from 'react';
import { API_BASE, type Deployment } from '../lib/api-client';
import { HealthBadges } from '../features/health/components/HealthBadges';
import { HealthBanner } from '../features/health/components/HealthBanner';
import { StatsPanel } from '../features/stats/components/StatsPanel';
import { DeploymentsPanel } from '../features/deployments/components/DeploymentsPanel';
import { CreateDeploymentForm } from '../features/deployments/components/CreateDeploymentForm';
import { CacheIndicator } from '../features/cache/components/CacheIndicator';
import { MetricsPanel } from '../features/metrics/components/MetricsPanel';

export interface AppProps {
  /** How often the health badges poll /api/health. */
  healthIntervalMs?: number;
  /** How often the live metrics panel queries Prometheus. */
  metricsIntervalMs?: number;
}

export function App({ healthIntervalMs = 5_000, metricsIntervalMs = 5_000 }: AppProps) {
  const [lastCreated, setLastCreated] = useState<number | null>(null);
  return (
    <>
      <a className="skip-link" href="#deployments-title">
        Skip to deployments
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            ◆
          </span>
          <h1>Wander Deploy</h1>
          <span className="brand-sub">zero-to-running</span>
        </div>
        <HealthBadges intervalMs={healthIntervalMs} />
      </header>
      <HealthBanner intervalMs={healthIntervalMs} />
      <main className="layout">
        <StatsPanel />
        <div className="columns">
          <DeploymentsPanel highlightId={lastCreated} />
          <aside className="sidebar">
            <CreateDeploymentForm onCreated={(d: Deployment) => setLastCreated(d.id)} />
            <CacheIndicator />
            <MetricsPanel intervalMs={metricsIntervalMs} />
          </aside>
        </div>
      </main>
      <footer className="footer">
        <a href="/api-docs.html" data-testid="api-reference-link">
          API reference
        </a>{' '}
        <span className="muted">
          (rendered from <a href={`${API_BASE}/openapi.json`}>/api/openapi.json</a>)
        </span>
      </footer>
    </>
  );
}

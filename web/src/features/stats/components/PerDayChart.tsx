import type { Stats } from '../../../lib/api-client';

const W = 280;
const H = 84;
const PAD_BOTTOM = 16;
const PAD_TOP = 12;

/** Deployments per day (the API's 14 entries, oldest first) as plain SVG bars. */
export function PerDayChart({ perDay }: { perDay: Stats['per_day'] }) {
  const max = Math.max(1, ...perDay.map((d) => d.count));
  const total = perDay.reduce((sum, d) => sum + d.count, 0);
  const slot = W / Math.max(1, perDay.length);
  const barW = Math.max(2, slot - 4);
  const plotH = H - PAD_BOTTOM - PAD_TOP;
  const first = perDay[0]?.date ?? '';
  const last = perDay[perDay.length - 1]?.date ?? '';
  const label = `Deployments per day, ${first} to ${last}: ${total} in total, at most ${max} a day`;

  return (
    <figure className="chart" data-testid="per-day-chart">
      <figcaption>Per day, last {perDay.length} days</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} preserveAspectRatio="none">
        <line x1="0" x2={W} y1={H - PAD_BOTTOM} y2={H - PAD_BOTTOM} className="chart-axis" />
        {perDay.map((d, i) => {
          const h = (d.count / max) * plotH;
          const x = i * slot + (slot - barW) / 2;
          return (
            <g key={d.date}>
              <rect
                x={x}
                y={H - PAD_BOTTOM - h}
                width={barW}
                height={Math.max(h, d.count > 0 ? 1 : 0)}
                rx="1.5"
                className="chart-bar"
              >
                <title>{`${d.date}: ${d.count}`}</title>
              </rect>
              {d.count === max && d.count > 0 && (
                <text x={x + barW / 2} y={H - PAD_BOTTOM - h - 3} className="chart-value">
                  {d.count}
                </text>
              )}
            </g>
          );
        })}
        <text x="0" y={H - 3} className="chart-label" textAnchor="start">
          {first.slice(5)}
        </text>
        <text x={W} y={H - 3} className="chart-label" textAnchor="end">
          {last.slice(5)}
        </text>
      </svg>
    </figure>
  );
}

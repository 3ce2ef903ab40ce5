/**
 * Small dependency-free charts (SVG and CSS): a column chart and a line chart over labelled values,
 * and horizontal bars for rankings. Each is a <figure> with a caption; the drawing is hidden from
 * screen readers and the same numbers are given as a visually hidden table, so nothing is only visual.
 */
import { useId, type CSSProperties, type ReactNode } from 'react';
import './charts.css';

export interface Datum {
  /** Shown under the column / at the point / before the bar. */
  label: string;
  value: number;
  /** A stable key when labels can repeat; defaults to the label. */
  key?: string;
}

interface CommonProps {
  data: Datum[];
  /** The figure's caption (also the accessible name). */
  caption: string;
  /** Header of the label column of the data table read by screen readers. */
  labelHeader: string;
  /** Header of the value column of that table. */
  valueHeader: string;
  /** Formats a value for labels and the table (default: the number as is). */
  format?: (n: number) => string;
  /** Shown instead of the chart when there is no datum or every value is 0. */
  emptyText: string;
  color?: string;
  className?: string;
}

/** A "nice" upper bound for an axis: 1, 2, 2.5 or 5 times a power of ten, at least `max`. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

function ticksOf(top: number, count = 4): number[] {
  const step = top / count;
  return Array.from({ length: count + 1 }, (_, i) => i * step);
}

function DataTable({ data, caption, labelHeader, valueHeader, format }: Omit<CommonProps, 'emptyText'>) {
  return (
    <table className="chart-sr-only">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{labelHeader}</th>
          <th scope="col">{valueHeader}</th>
        </tr>
      </thead>
      <tbody>
        {data.map((d) => (
          <tr key={d.key ?? d.label}>
            <th scope="row">{d.label}</th>
            <td>{format ? format(d.value) : d.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const W = 640;
const H = 240;
const PAD = { top: 18, right: 8, bottom: 28, left: 40 };

function Frame({ top, format, children }: { top: number; format: (n: number) => string; children: ReactNode }) {
  const plotH = H - PAD.top - PAD.bottom;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} aria-hidden focusable="false" preserveAspectRatio="xMidYMid meet">
      {ticksOf(top).map((v) => {
        const y = PAD.top + plotH - (v / top) * plotH;
        return (
          <g key={v}>
            <line className={v === 0 ? 'chart-axis' : 'chart-grid'} x1={PAD.left} x2={W - PAD.right} y1={y} y2={y} />
            <text className="chart-tick" x={PAD.left - 6} y={y + 4} textAnchor="end">
              {format(v)}
            </text>
          </g>
        );
      })}
      {children}
    </svg>
  );
}

/** Whole numbers on the axis when the top is small enough that fractions would show. */
const tickFormat = (format: (n: number) => string) => (n: number) => (Number.isInteger(n) ? format(n) : '');

/** Vertical columns, one per datum, with the value above each. */
export function ColumnChart({ data, caption, labelHeader, valueHeader, format = String, emptyText, color, className }: CommonProps) {
  const id = useId();
  const max = Math.max(0, ...data.map((d) => d.value));
  const top = niceMax(max);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = data.length ? plotW / data.length : plotW;
  const barW = Math.max(2, Math.min(48, slot * 0.6));
  return (
    <figure className={`chart ${className ?? ''}`} aria-labelledby={id} style={color ? ({ '--chart-color': color } as CSSProperties) : undefined}>
      <figcaption id={id} className="chart-caption">
        {caption}
      </figcaption>
      {max === 0 ? (
        <div className="chart-empty">{emptyText}</div>
      ) : (
        <>
          <Frame top={top} format={tickFormat(format)}>
            {data.map((d, i) => {
              const h = (d.value / top) * plotH;
              const x = PAD.left + i * slot + (slot - barW) / 2;
              const y = PAD.top + plotH - h;
              return (
                <g key={d.key ?? d.label}>
                  <rect className="chart-bar" x={x} y={y} width={barW} height={h} rx={2} />
                  {d.value > 0 && (
                    <text className="chart-value" x={x + barW / 2} y={y - 4} textAnchor="middle">
                      {format(d.value)}
                    </text>
                  )}
                  <text className="chart-label" x={x + barW / 2} y={H - PAD.bottom + 16} textAnchor="middle">
                    {d.label}
                  </text>
                </g>
              );
            })}
          </Frame>
          <DataTable data={data} caption={caption} labelHeader={labelHeader} valueHeader={valueHeader} format={format} />
        </>
      )}
    </figure>
  );
}

/** A line through the data in order, with a dot and value per point. */
export function LineChart({ data, caption, labelHeader, valueHeader, format = String, emptyText, color, className }: CommonProps) {
  const id = useId();
  const max = Math.max(0, ...data.map((d) => d.value));
  const top = niceMax(max);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = data.length > 1 ? plotW / (data.length - 1) : 0;
  const pts = data.map((d, i) => ({ d, x: PAD.left + (data.length > 1 ? i * step : plotW / 2), y: PAD.top + plotH - (d.value / top) * plotH }));
  return (
    <figure className={`chart ${className ?? ''}`} aria-labelledby={id} style={color ? ({ '--chart-color': color } as CSSProperties) : undefined}>
      <figcaption id={id} className="chart-caption">
        {caption}
      </figcaption>
      {max === 0 ? (
        <div className="chart-empty">{emptyText}</div>
      ) : (
        <>
          <Frame top={top} format={tickFormat(format)}>
            <polyline className="chart-line" points={pts.map((p) => `${p.x},${p.y}`).join(' ')} />
            {pts.map(({ d, x, y }) => (
              <g key={d.key ?? d.label}>
                <circle className="chart-dot" cx={x} cy={y} r={3.5} />
                {d.value > 0 && (
                  <text className="chart-value" x={x} y={y - 8} textAnchor="middle">
                    {format(d.value)}
                  </text>
                )}
                <text className="chart-label" x={x} y={H - PAD.bottom + 16} textAnchor="middle">
                  {d.label}
                </text>
              </g>
            ))}
          </Frame>
          <DataTable data={data} caption={caption} labelHeader={labelHeader} valueHeader={valueHeader} format={format} />
        </>
      )}
    </figure>
  );
}

/**
 * Horizontal bars, largest first, for rankings with long labels (industries, routes). Plain list
 * markup, readable as is by screen readers ("label: value").
 */
export function HorizontalBars({ data, caption, format = String, emptyText, color, className }: Omit<CommonProps, 'labelHeader' | 'valueHeader'>) {
  const id = useId();
  const max = Math.max(0, ...data.map((d) => d.value));
  const sorted = [...data].sort((a, b) => b.value - a.value);
  return (
    <figure className={`chart ${className ?? ''}`} aria-labelledby={id} style={color ? ({ '--chart-color': color } as CSSProperties) : undefined}>
      <figcaption id={id} className="chart-caption">
        {caption}
      </figcaption>
      {max === 0 ? (
        <div className="chart-empty">{emptyText}</div>
      ) : (
        <ol className="chart-hbars">
          {sorted.map((d) => (
            <li key={d.key ?? d.label} className="chart-hbar" data-key={d.key ?? d.label}>
              <span className="chart-hbar-label" title={d.label}>
                {d.label}
                <span className="chart-sr-only">: </span>
              </span>
              <span className="chart-hbar-track" aria-hidden>
                <span className="chart-hbar-fill" style={{ width: `${Math.max(0.5, (d.value / max) * 100)}%` }} />
              </span>
              <span className="chart-hbar-value">{format(d.value)}</span>
            </li>
          ))}
        </ol>
      )}
    </figure>
  );
}

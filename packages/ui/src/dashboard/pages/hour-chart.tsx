import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';

export interface HourCount {
  hour: string;
  ok: number;
  failed: number;
}

/** What a chart calls its two series, its totals and its list of numbers. */
export interface ChartLabels {
  ok: string;
  failed: string;
  caption: (ok: number, failed: number) => string;
  table: string;
}

/**
 * Counts per hour, succeeded and failed, as a uPlot chart (a canvas), with the same numbers in a list beneath for
 * screen readers and for reading exact values.
 */
export function HourChart({ name, hours, labels }: { name: string; hours: HourCount[]; labels: ChartLabels }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const data: uPlot.AlignedData = [
      hours.map((h) => Date.parse(h.hour) / 1000),
      hours.map((h) => h.ok),
      hours.map((h) => h.failed),
    ];
    const chart = new uPlot(
      {
        width: Math.max(300, element.clientWidth),
        height: 220,
        tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
        scales: { y: { range: (_, __, max) => [0, Math.max(1, max)] } },
        series: [
          {},
          { label: labels.ok, stroke: '#3451b2', width: 2 },
          { label: labels.failed, stroke: '#b42318', width: 2 },
        ],
      },
      data,
      element,
    );
    return () => chart.destroy();
  }, [hours, labels]);
  const total = hours.reduce((sum, h) => sum + h.ok, 0);
  const failed = hours.reduce((sum, h) => sum + h.failed, 0);
  return (
    <figure className="tv-figure" data-chart={name}>
      <figcaption>{labels.caption(total, failed)}</figcaption>
      <div ref={box} aria-hidden="true" />
      <details>
        <summary>{labels.table}</summary>
        <ul className="tv-list">
          {hours.map((h) => (
            <li key={h.hour}>
              {h.hour.slice(11, 16)} UTC: {h.ok} / {h.failed}
            </li>
          ))}
        </ul>
      </details>
    </figure>
  );
}

import type * as Plot from '@observablehq/plot';
import { barX, cell, ruleX, scale, text } from '@observablehq/plot';
import { useMemo } from 'react';
import { PlotFigure } from './PlotFigure.tsx';

/** Props of {@link TakeRateChart}. */
export interface TakeRateChartProps {
  readonly rates: readonly { readonly label: string; readonly rate: number }[];
  readonly title: string;
}

/** The take rate of each option of one attribute as horizontal bars, most taken first (the table below has the figures). */
export function TakeRateChart({ rates, title }: TakeRateChartProps) {
  const options = useMemo((): Plot.PlotOptions => ({
    marginLeft: 140,
    height: Math.max(80, rates.length * 22 + 40),
    x: { percent: true, label: 'take rate (%)', domain: [0, 100] },
    y: { label: null },
    marks: [
      barX(rates, { x: 'rate', y: 'label', sort: { y: '-x' }, fill: 'currentColor', fillOpacity: 0.7 }),
      text(rates, { x: 'rate', y: 'label', text: (d: { rate: number }) => `${(d.rate * 100).toFixed(1)} %`, dx: 4, textAnchor: 'start' }),
      ruleX([0]),
    ],
  }), [rates]);
  return <PlotFigure options={options} label={`${title}: a bar chart; the table below has the figures.`} />;
}

/** Props of {@link LiftHeatmap}. */
export interface LiftHeatmapProps {
  readonly lifts: readonly { readonly a: string; readonly b: string; readonly lift: number }[];
}

/**
 * Pairwise lift as a heat map: a cell per pair of options, warm where they are chosen together more
 * than by chance (lift above 1), cool where less (on a log scale, so 2× and ½× are equally strong).
 */
export function LiftHeatmap({ lifts }: LiftHeatmapProps) {
  const options = useMemo((): Plot.PlotOptions => ({
    marginLeft: 200,
    marginBottom: 140,
    height: Math.max(160, new Set(lifts.map((lift) => lift.b)).size * 22 + 160),
    x: { label: null, tickRotate: -40 },
    y: { label: null },
    color: { type: 'log', scheme: 'RdBu', reverse: true, domain: [0.25, 4], legend: true, label: 'lift', ticks: [0.25, 0.5, 1, 2, 4], tickFormat: (value: number) => `${value}×` },
    marks: [
      cell(lifts, { x: 'a', y: 'b', fill: 'lift', inset: 0.5 }),
      // White on the darkest cells, black elsewhere, so every figure stays readable.
      text(lifts, { x: 'a', y: 'b', text: (d: { lift: number }) => d.lift.toFixed(1), fill: (d: { lift: number }) => (d.lift > 2.5 || d.lift < 0.4 ? 'white' : 'black'), fontSize: 9 }),
    ],
  }), [lifts]);
  return <PlotFigure options={options} label="Lift between pairs of options as a heat map; the table below has the figures." />;
}

/**
 * The sequential colour scale of the "parts customers change" figure, from 0 to the most changed
 * part's rate (so that a shop where few change anything still shows which part leads): the chart's
 * legend and the 3D model are painted by the same scale.
 */
export function partChangeScale(topRate: number): Plot.ScaleOptions {
  return { type: 'linear', scheme: 'YlOrRd', domain: [0, Math.max(topRate, 0.01)], tickFormat: '.0%', label: 'changed from the starting design' };
}

/** The colour of a rate on {@link partChangeScale} (a CSS colour, for the model's parts). */
export function partChangeColour(options: Plot.ScaleOptions): (rate: number) => string {
  const colour = scale({ color: options });
  return (rate) => String(colour.apply(rate));
}

/** Props of {@link PartChangeChart}. */
export interface PartChangeChartProps {
  readonly parts: readonly { readonly label: string; readonly rate: number }[];
  readonly colour: Plot.ScaleOptions;
}

/** How often each part is changed from the starting design, as bars in the colours the model is painted in, with the legend. */
export function PartChangeChart({ parts, colour }: PartChangeChartProps) {
  const options = useMemo((): Plot.PlotOptions => ({
    marginLeft: 140,
    marginRight: 50,
    width: 460,
    height: Math.max(80, parts.length * 22 + 40),
    x: { percent: true, label: 'changed from the starting design (%)', domain: [0, 100] },
    y: { label: null },
    color: { ...colour, legend: true },
    marks: [
      barX(parts, { x: 'rate', y: 'label', sort: { y: '-x' }, fill: 'rate', stroke: 'currentColor', strokeOpacity: 0.3 }),
      text(parts, { x: 'rate', y: 'label', text: (d: { rate: number }) => `${(d.rate * 100).toFixed(1)} %`, dx: 4, textAnchor: 'start' }),
      ruleX([0]),
    ],
  }), [parts, colour]);
  return <PlotFigure options={options} label="How often customers change each part, as a bar chart in the colours of the model; the table below has the figures." />;
}

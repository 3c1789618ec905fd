import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';

/** Props of {@link PlotFigure}. */
export interface PlotFigureProps {
  /** Observable Plot's options (marks, scales); `className` and `document` are set here. */
  readonly options: Plot.PlotOptions;
  /** What the chart shows, for assistive technology (the table beside it has the figures). */
  readonly label: string;
}

/**
 * A chart drawn by Observable Plot into the page. Plot puts a `<style>` element into each chart;
 * the shop's Content-Security-Policy (`style-src 'self'`) refuses inline style elements, so it is
 * taken out before the chart is shown and its few rules live in staff.css (`.staff-plot`). Every
 * chart has its figures in a table beside it: the chart is an illustration of the table.
 */
export function PlotFigure({ options, label }: PlotFigureProps) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = Plot.plot({ ...options, className: 'staff-plot', ariaLabel: label, document });
    for (const style of chart.querySelectorAll('style')) style.remove();
    container.current?.replaceChildren(chart);
    return () => chart.remove();
  }, [options, label]);
  return <div ref={container} className="staff-plot-frame" />;
}

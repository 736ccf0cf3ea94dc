/**
 * A Vega-Lite spec to a static SVG string: compile to Vega, then a headless View (renderer
 * `none`, no canvas, no DOM) and `toSVG()` (shared research/stack.md §7). Charts carry their data
 * inline, so no loader or network is involved; the same spec gives the same bytes every time.
 * Text is measured with Vega's built-in estimate (there is no canvas), and the SVG asks for
 * `sans-serif`: a browser uses its own sans font, chartPng.ts uses the bundled DejaVu Sans.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** White background and a font size that survives downscaling in a report. */
const CONFIG = { background: 'white', font: 'sans-serif', title: { fontSize: 15, subtitleFontSize: 11, anchor: 'start' } } as const;

export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  const withConfig = { ...spec, config: { ...CONFIG, ...(spec.config ?? {}) } } as TopLevelSpec;
  const view = new vega.View(vega.parse(compile(withConfig).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

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
    return renumberGradients(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/**
 * Vega names gradients (a continuous colour legend's) from a counter shared by the whole process,
 * so the second chart drawn would say `gradient_1` where the first said `gradient_0`; renumbered
 * per SVG in order of appearance, the bytes depend only on the spec.
 */
function renumberGradients(svg: string): string {
  const ids = new Map<string, string>();
  return svg.replace(/(id="|url\(#)(gradient_\d+)/g, (_, lead: string, id: string) => {
    if (!ids.has(id)) ids.set(id, `gradient_${ids.size}`);
    return `${lead}${ids.get(id)!}`;
  });
}

/**
 * report.html: one self-contained file — inline CSS, every chart as inline static SVG, no script
 * and nothing fetched from the network, so it opens offline and in any browser. Links under each
 * chart point at its files in charts/ (spec, SVG, PNG), relative to the report.
 */
import type { ReportDocument, Table } from './reportDocument.ts';

/** The SVG text of each chart, by chart name. */
export type ChartSvgs = ReadonlyMap<string, string>;

const STYLE = `
body { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; color: #222; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #ddd; } h3 { margin-bottom: .3rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .85rem; }
th, td { border: 1px solid #ccc; padding: .2rem .45rem; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
th { background: #f3f3f3; }
table.kv td:first-child { font-weight: 600; white-space: nowrap; }
code, .mono { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85em; word-break: break-all; }
figure { margin: 1rem 0 2rem; } figure .chart svg { max-width: 100%; height: auto; }
figcaption { font-size: .9rem; color: #444; } .files { font-size: .8rem; color: #666; }
.note { font-size: .85rem; color: #555; margin: 0; }
`;

export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/**
 * Several SVGs inline in one document share one id namespace; prefix every id and reference so
 * one chart's clip path or gradient can never resolve to another's.
 */
export function scopeSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, `id="${prefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${prefix}-$1"`);
}

const NUMERIC = /^-?(\d+(\.\d+)?(e-?\d+)?|inf|NaN)$/;

function tableHtml(t: Table): string {
  const head = t.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const body = t.rows
    .map((r) => `<tr>${r.map((cell) => `<td${NUMERIC.test(cell) ? ' class="num"' : ''}>${escapeHtml(cell)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<h3>${escapeHtml(t.heading)}</h3>\n<p class="note">${escapeHtml(t.note)}</p>\n<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

export function renderHtml(doc: ReportDocument, svgs: ChartSvgs): string {
  const parts: string[] = [];
  parts.push(`<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">`);
  parts.push(`<title>${escapeHtml(doc.title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>`);
  parts.push(`<h1>${escapeHtml(doc.title)}</h1>\n<p>${escapeHtml(doc.summary)}</p>`);
  if (doc.findings !== undefined && doc.findings.length > 0) parts.push(`<h2>Findings</h2>\n${doc.findings.map((f) => `<p>${escapeHtml(f)}</p>`).join('\n')}`);
  for (const block of doc.provenance) {
    const rows = block.rows.map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td class="mono">${escapeHtml(v)}</td></tr>`).join('\n');
    parts.push(`<h2>${escapeHtml(block.heading)}</h2>\n<table class="kv">\n${rows}\n</table>`);
  }
  parts.push('<h2>Key figures</h2>');
  for (const t of doc.tables) parts.push(tableHtml(t));
  for (const section of doc.sections) {
    parts.push(`<h2>${escapeHtml(section.heading ?? 'Charts')}</h2>`);
    for (const c of section.charts) {
      const svg = svgs.get(c.name);
      if (svg === undefined) throw new Error(`no SVG rendered for chart ${c.name}`);
      const files = ['vl.json', 'svg', 'png'].map((ext) => `<a href="charts/${escapeHtml(c.name)}.${ext}">${ext}</a>`).join(' · ');
      parts.push(
        `<figure id="chart-${escapeHtml(c.name)}" class="chart-figure">\n<h3>${escapeHtml(c.title)}</h3>\n<div class="chart">${scopeSvgIds(svg, c.name)}</div>\n` +
          `<figcaption>${escapeHtml(c.caption)} <span class="files">(${files})</span></figcaption>\n</figure>`,
      );
    }
  }
  parts.push('</body>\n</html>\n');
  return parts.join('\n');
}

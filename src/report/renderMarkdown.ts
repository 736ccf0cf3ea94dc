/**
 * report.md: the same document as report.html in Markdown, with each chart as its PNG in charts/
 * (a relative link, so the report renders on a code host or in an editor next to its folder).
 */
import type { ReportDocument, Table } from './reportDocument.ts';

/** Escapes the characters that would break a Markdown table cell or start markup. */
export function escapeMarkdownCell(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll('*', '\\*').replaceAll('_', '\\_').replaceAll('\n', ' ');
}

function tableMarkdown(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(escapeMarkdownCell).join(' | ')} |`;
  return [line(columns), `|${columns.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}

function table(t: Table): string {
  return `### ${t.heading}\n\n${t.note}\n\n${tableMarkdown(t.columns, t.rows)}`;
}

export function renderMarkdown(doc: ReportDocument): string {
  const parts: string[] = [`# ${doc.title}`, doc.summary];
  if (doc.findings !== undefined && doc.findings.length > 0) parts.push('## Findings', ...doc.findings);
  for (const block of doc.provenance) parts.push(`## ${block.heading}\n\n${tableMarkdown(['', ''], block.rows.map(([k, v]) => [k, v]))}`);
  parts.push('## Key figures');
  for (const t of doc.tables) parts.push(table(t));
  for (const section of doc.sections) {
    parts.push(`## ${section.heading ?? 'Charts'}`);
    for (const c of section.charts) {
      parts.push(`### ${c.title}\n\n![${c.title}](charts/${c.name}.png)\n\n${c.caption} ([spec](charts/${c.name}.vl.json), [SVG](charts/${c.name}.svg))`);
    }
  }
  return `${parts.join('\n\n')}\n`;
}

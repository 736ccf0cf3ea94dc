/**
 * Reads the small CSV tables a run writes (groups.csv, subnets.csv, ab.csv, summary.csv) back
 * into records of text fields, by the RFC 4180 rules csvTable.ts writes them with — values stay
 * the exact text that was written, so nothing is re-rounded on the way into a summary.
 */
export function csvRecords(text: string): Record<string, string>[] {
  const rows = parseCsv(text);
  const header = rows.shift() ?? [];
  return rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Pieces the sweep charts share: an axis of categories in the sweep's order, and the wrapping of
 * a chart into panels — by one field (wrapped, at most PANEL_COLUMNS across) or by rows ×
 * columns — whose headers read `name=value` as the panel labels carry them.
 */

export const PANEL_COLUMNS = 4;

export interface FacetField {
  readonly field: string;
  /** Panel order (the labels read `name=value`, so the panels need no title of their own). */
  readonly sort: readonly string[];
}

const HEADER = { labelFontSize: 12, labelFontWeight: 'bold', labelLimit: 400 } as const;

/** An ordinal axis in the given order; labels slant when one is long. */
export function categoryAxis(field: string, labels: readonly string[], title: string) {
  const long = labels.some((l) => l.length > 8);
  return { field, type: 'ordinal', sort: [...labels], title, axis: { labelAngle: long ? -30 : 0, labelLimit: 160 } } as const;
}

/** `inner` itself, or a facet spec around it (the caller adds `$schema`, title and data). */
export function facetWrap(inner: object, column: FacetField | null, row: FacetField | null): object {
  const field = (f: FacetField) => ({ field: f.field, type: 'nominal', sort: [...f.sort], title: null, header: HEADER });
  if (column === null && row === null) return inner;
  if (row === null) return { facet: field(column!), columns: PANEL_COLUMNS, spec: inner };
  if (column === null) return { facet: { row: field(row) }, spec: inner };
  return { facet: { row: field(row), column: field(column) }, spec: inner };
}

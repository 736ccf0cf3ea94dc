import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { chartPng, PNG_ZOOM } from '../../../src/report/chartPng.ts';
import { chartSvg } from '../../../src/report/chartSvg.ts';

const DATA = [
  { day: 0, value: 0.2, group: 'a' },
  { day: 1, value: 0.5, group: 'a' },
  { day: 0, value: 0.8, group: 'b' },
  { day: 1, value: 0.5, group: 'b' },
];

const line = (title?: string): TopLevelSpec =>
  ({
    ...(title === undefined ? {} : { title }),
    data: { values: DATA },
    mark: 'line',
    encoding: { x: { field: 'day', type: 'quantitative', title: 'day' }, y: { field: 'value', type: 'quantitative', title: 'share' }, color: { field: 'group', type: 'nominal' } },
  }) as TopLevelSpec;

/** Width and height from the PNG's IHDR chunk. */
function pngSize(png: Uint8Array): [number, number] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
}

describe('chart rendering', () => {
  it('is deterministic: the same spec gives byte-identical SVG and PNG', async () => {
    const a = await chartSvg(line('Shares'));
    const b = await chartSvg(line('Shares'));
    expect(a).toBe(b);
    expect(Buffer.from(chartPng(a)).equals(Buffer.from(chartPng(b)))).toBe(true);
  });

  it('writes a PNG at zoom 2 of the SVG size', async () => {
    const svg = await chartSvg(line());
    const m = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg)!;
    const png = chartPng(svg);
    expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect(pngSize(png)).toEqual([Number(m[1]) * PNG_ZOOM, Number(m[2]) * PNG_ZOOM]);
  });

  it('draws text in the PNG with the bundled fonts (a text-stripped SVG renders differently)', async () => {
    const svg = await chartSvg(line('A title that must be drawn'));
    expect(svg).toContain('A title that must be drawn</text>');
    const stripped = svg.replace(/<text\b[^>]*>[^<]*<\/text>/g, '');
    expect(stripped).not.toContain('<text');
    const withText = chartPng(svg);
    const withoutText = chartPng(stripped);
    expect(pngSize(withText)).toEqual(pngSize(withoutText));
    expect(Buffer.from(withText).equals(Buffer.from(withoutText))).toBe(false);
  });

  it('a title changes the picture (text is not silently dropped)', async () => {
    const titled = await chartSvg({ ...line(), title: 'Hello' } as TopLevelSpec);
    // Same layout box: only the title text differs between the two SVGs.
    const blank = titled.replace(/>Hello<\/text>/, '></text>');
    expect(blank).not.toBe(titled);
    expect(Buffer.from(chartPng(titled)).equals(Buffer.from(chartPng(blank)))).toBe(false);
  });
});

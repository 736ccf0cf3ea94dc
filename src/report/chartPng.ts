/**
 * A chart's SVG to PNG with resvg, at zoom 2, with the DejaVu Sans fonts of the pinned npm package
 * `dejavu-fonts-ttf` and system fonts switched off: without fonts resvg silently drops all text,
 * and with system fonts the result depends on the machine (shared research/stack.md §7). So the
 * same SVG gives byte-identical PNGs everywhere.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf'].map((f) => join(FONT_DIR, f));

export const PNG_ZOOM = 2;

export function chartPng(svg: string): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: PNG_ZOOM },
    background: 'white',
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return new Uint8Array(resvg.render().asPng());
}

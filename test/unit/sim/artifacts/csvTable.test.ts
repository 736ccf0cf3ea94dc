import { describe, expect, it } from 'vitest';
import { csvBool, csvField, csvHeader, csvInt, csvLine, type CsvColumn } from '../../../../src/sim/artifacts/csvTable.ts';

describe('csv lines', () => {
  it('quotes only fields holding a comma, a quote or a line break, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('')).toBe('');
  });

  it('writes a header and rows from one column list, each ending in a newline', () => {
    const columns: CsvColumn<{ n: number; s: string; b: boolean }>[] = [
      { name: 'n', format: (r) => csvInt(r.n) },
      { name: 'label, quoted', format: (r) => r.s },
      { name: 'flag', format: (r) => csvBool(r.b) },
    ];
    expect(csvHeader(columns)).toBe('n,"label, quoted",flag\n');
    expect(csvLine(columns, { n: 7, s: 'x,y', b: true })).toBe('7,"x,y",1\n');
    expect(csvLine(columns, { n: -3, s: 'z', b: false })).toBe('-3,z,0\n');
  });

  it('refuses a fraction where an integer column expects an integer', () => {
    expect(() => csvInt(1.5)).toThrow(/expected an integer/);
  });
});

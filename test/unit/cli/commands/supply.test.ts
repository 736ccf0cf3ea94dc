import { describe, expect, it } from 'vitest';
import { main } from '../../../../src/cli/main.ts';

function run(...argv: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(['supply', ...argv], (l) => out.push(l), (l) => err.push(l)) as number; // supply is synchronous
  return { code, out, err };
}

describe('yumalab supply', () => {
  it('lists the halvings reached from the first threshold as a table', () => {
    const r = run('--years', '9');
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    // 10.5M TAO at 0.5 TAO/block: 5.25M TAO (10.5M blocks) to the next threshold at 15.75M TAO, and so on.
    expect(r.out.slice(1, 5)).toEqual([
      'halving     block      days  issuance (TAO)  emission (TAO/block)',
      '      1         0     0.000        10500000                   0.5',
      '      2  10500000  1458.333        15750000                  0.25',
      '      3  21000000  2916.667        18375000                 0.125',
    ]);
    // 9 × 365.25 days × 7,200 blocks = 23,668,200 blocks; 2,668,200 of them at 0.125 after 18.375M.
    expect(r.out.at(-1)).toBe('end of horizon: block 23668200, day 3287.250: issuance 18708525 TAO, emission 0.125 TAO/block (halving 3), issuance rising');
  });

  it('writes CSV and JSON with the same figures', () => {
    const csv = run('--years', '9', '--csv');
    expect(csv.out).toEqual([
      'halving,block_offset,days,issuance_tao,block_emission_tao',
      '1,0,0.000,10500000,0.5',
      '2,10500000,1458.333,15750000,0.25',
      '3,21000000,2916.667,18375000,0.125',
      'end,23668200,3287.250,18708525,0.125',
    ]);
    const json = JSON.parse(run('--years', '9', '--json').out.join('\n')) as { halvings: { block_offset: number; issuance_tao: string }[] };
    expect(json.halvings.map((h) => [h.block_offset, h.issuance_tao])).toEqual([
      [10_500_000, '15750000'],
      [21_000_000, '18375000'],
    ]);
  });

  it('delays the halvings when TAO is recycled', () => {
    // Recycling 3,600 TAO/day = 0.5 TAO/block cancels the 0.5 TAO/block emission: issuance never moves.
    const r = run('--years', '1', '--recycle-tao-per-day', '3600', '--csv');
    expect(r.out).toEqual(['halving,block_offset,days,issuance_tao,block_emission_tao', '1,0,0.000,10500000,0.5', 'end,2629800,365.250,10500000,0.5']);
  });

  it('adds dates from --start-date', () => {
    const r = run('--years', '5', '--start-date', '2025-12-14', '--csv');
    expect(r.out[0]).toBe('halving,block_offset,days,date,issuance_tao,block_emission_tao');
    expect(r.out[2]).toMatch(/^2,10500000,1458\.333,2029-12-1[12],15750000,0\.25$/);
  });

  it('rejects bad options in one line with exit code 2', () => {
    expect(run('--bogus')).toEqual({ code: 2, out: [], err: ["yumalab supply: Unknown option '--bogus'"] });
    const bad = run('--from-issuance', 'abc');
    expect(bad.code).toBe(2);
    expect(bad.err).toHaveLength(1);
    expect(bad.err[0]).toMatch(/^yumalab supply: --from-issuance: cannot read "abc" as TAO/);
  });
});

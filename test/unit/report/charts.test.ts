/**
 * Each chart builder on a tiny hand-made RunData: the spec's marks, encodings and inline data
 * rows, and that it compiles and renders to an SVG with drawn marks.
 */
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { buildCharts } from '../../../src/report/buildCharts.ts';
import { chartSvg } from '../../../src/report/chartSvg.ts';
import { abComparisonChart } from '../../../src/report/charts/abComparisonChart.ts';
import { adversaryStakeChart } from '../../../src/report/charts/adversaryStakeChart.ts';
import { emissionShareChart } from '../../../src/report/charts/emissionShareChart.ts';
import { incentiveDistributionChart } from '../../../src/report/charts/incentiveDistributionChart.ts';
import { issuanceChart } from '../../../src/report/charts/issuanceChart.ts';
import { issuanceProjectionChart } from '../../../src/report/charts/issuanceProjectionChart.ts';
import { poolsChart } from '../../../src/report/charts/poolsChart.ts';
import { MAX_POINTS, MAX_SUBNETS } from '../../../src/report/charts/reportChart.ts';
import { validatorDividendsChart } from '../../../src/report/charts/validatorDividendsChart.ts';
import { validatorTrustChart } from '../../../src/report/charts/validatorTrustChart.ts';
import { sideOfKind } from '../../../src/report/groupSides.ts';
import type { AbData, RunData } from '../../../src/report/readRunDirectory.ts';
import type { GroupRow, MetricsPoint, NeuronAtLastEpoch } from '../../../src/report/runTables.ts';
import type { RunManifestData } from '../../../src/report/verifyManifest.ts';

const TAO = 1_000_000_000n;

function point(block: number, netuid: number, group: string, o: Partial<MetricsPoint> = {}): MetricsPoint {
  return {
    block, day: block / 7200, netuid, group, uids: 1, incentiveAlpha: 0, dividendsAlpha: 0, stakeShare: 0, emissionShare: 0, validatorTrust: 0,
    alphaPriceTao: 0.02, poolTao: 1000, poolAlpha: 50_000, issuanceTao: 10_000_000 + block, blockEmissionTao: 1, ...o,
  };
}

const group = (netuid: number, name: string, kind: string): GroupRow => ({ netuid, group: name, kind, emissionTao: 1, profitTao: 1, text: { netuid: String(netuid), group: name, kind } });

const MANIFEST: RunManifestData = {
  yumalab_version: '0.1.0',
  scenario: { name: 'hand', file: 'hand.yaml', file_sha256: 'a'.repeat(64), resolved_sha256: 'b'.repeat(64) },
  seed: 5, numeric_mode: 'chain', rules_version: '14bc6f9', duration_blocks: 300, blocks_run: 300, epochs_run: 3,
  final_issuance_tao: '10000300', files: [], digest: `sha256:${'c'.repeat(64)}`, generated_at: '2026-01-01T00:00:00.000Z',
};

const neuron = (netuid: number, uid: number, g: string, incentive: number): NeuronAtLastEpoch => ({ block: 300, netuid, uid, group: g, incentive, validatorPermit: false });

const RUN: RunData = {
  dir: 'hand',
  manifest: MANIFEST,
  metrics: [100, 200, 300].flatMap((b) => [
    point(b, 1, 'cabal', { stakeShare: 0.3, dividendsAlpha: 10, validatorTrust: 0.5, emissionShare: 0.1, alphaPriceTao: 0.02 + b / 1e5 }),
    point(b, 1, 'miners', { emissionShare: 0.5, incentiveAlpha: 40, alphaPriceTao: 0.02 + b / 1e5 }),
    point(b, 1, 'validators', { stakeShare: 0.7, dividendsAlpha: 30, validatorTrust: 0.9, emissionShare: 0.4, alphaPriceTao: 0.02 + b / 1e5 }),
    point(b, 2, 'validators', { stakeShare: 1, dividendsAlpha: 20, validatorTrust: 1, emissionShare: 1, alphaPriceTao: 0.03 }),
  ]),
  groups: [group(1, 'cabal', 'validator.cabal'), group(1, 'miners', 'miner.honest'), group(1, 'validators', 'validator.honest'), group(1, 'whale', 'trader.whale'), group(2, 'validators', 'validator.honest')],
  subnets: [],
  lastNeurons: [neuron(1, 0, 'owner', 0), neuron(1, 1, 'validators', 0), neuron(1, 3, 'miners', 0.2), neuron(1, 4, 'miners', 0.7), neuron(1, 5, 'miners', 0.1)],
};

/** The inline data rows of a spec (top-level or first layer's). */
function rowsOf(spec: TopLevelSpec): Record<string, unknown>[] {
  const s = spec as { data?: { values?: Record<string, unknown>[] } };
  if (s.data?.values === undefined) throw new Error('no inline data');
  return s.data.values;
}

/** The mark types used anywhere in a spec. */
function markTypes(spec: unknown): string[] {
  const found: string[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (typeof x === 'object' && x !== null) {
      for (const [k, v] of Object.entries(x)) {
        if (k === 'mark') found.push(typeof v === 'string' ? v : (v as { type: string }).type);
        else if (k !== 'data') walk(v);
      }
    }
  };
  walk(spec);
  return [...new Set(found)].sort();
}

async function expectDrawn(spec: TopLevelSpec): Promise<string> {
  const svg = await chartSvg(spec);
  expect(svg.startsWith('<svg')).toBe(true);
  // Vega writes each data mark's group with the role "mark"; at least one must hold geometry.
  expect(svg).toMatch(/role-mark[^>]*>(<path[^>]* d="M[^"]+"|<path transform)/);
  return svg;
}

describe('chart builders on a hand-made run', () => {
  it('issuance: one point per recorded block, issuance and emission panels, no halving noted', async () => {
    const c = issuanceChart(RUN)!;
    expect(c.name).toBe('issuance');
    const spec = c.spec as { vconcat: { layer: { data: { values: { block: number; issuanceTao: number }[] } }[] }[]; title: { subtitle: string } };
    expect(spec.vconcat).toHaveLength(2);
    expect(spec.vconcat[0]!.layer[0]!.data.values.map((v) => [v.block, v.issuanceTao])).toEqual([[100, 10_000_100], [200, 10_000_200], [300, 10_000_300]]);
    expect(spec.vconcat[0]!.layer).toHaveLength(1);
    expect(spec.title.subtitle).toContain('no halving during the run; next halving at 10500000 TAO issued');
    await expectDrawn(c.spec);
  });

  it('issuance: a drop of the block emission is marked as a halving', () => {
    const run: RunData = { ...RUN, metrics: [point(100, 1, 'a'), point(200, 1, 'a', { blockEmissionTao: 0.5 })] };
    const spec = issuanceChart(run)!.spec as { vconcat: { layer: { mark: { type: string }; data: { values: { label?: string }[] } }[] }[] };
    expect(spec.vconcat[0]!.layer.map((l) => l.mark.type)).toEqual(['line', 'rule', 'text']);
    expect(spec.vconcat[0]!.layer[1]!.data.values).toEqual([{ day: 200 / 7200, label: 'halving: 0.5 TAO/block' }]);
  });

  it('issuance projection: halvings at the halving law\'s thresholds, issuance kinks on them', async () => {
    const c = issuanceProjectionChart({ startIssuanceRao: 10_000_000n * TAO, years: 12, origin: 'test' });
    const spec = c.spec as { vconcat: { layer: { data: { values: { year: number; label?: string; issuanceTao?: number; blockEmissionTao?: number }[] } }[] }[] };
    const halvings = spec.vconcat[0]!.layer[1]!.data.values;
    expect(halvings.map((h) => h.label)).toEqual(['halving 1', 'halving 2', 'halving 3']);
    // 0.5 M TAO at 1 TAO/block is 500 000 blocks; then 5.25 M at 0.5 TAO/block.
    expect(halvings[0]!.year).toBeCloseTo(500_000 / 2_629_800, 9);
    expect(halvings[1]!.year).toBeCloseTo((500_000 + 10_500_000) / 2_629_800, 9);
    const points = spec.vconcat[0]!.layer[0]!.data.values;
    expect(points[0]).toMatchObject({ year: 0, issuanceTao: 10_000_000, blockEmissionTao: 1 });
    const atFirst = points.find((p) => p.year === halvings[0]!.year)!;
    expect(atFirst).toMatchObject({ issuanceTao: 10_500_000, blockEmissionTao: 0.5 });
    for (let i = 1; i < points.length; i++) expect(points[i]!.issuanceTao!).toBeGreaterThanOrEqual(points[i - 1]!.issuanceTao!);
    await expectDrawn(c.spec);
  });

  it('emission share: every group of every subnet, one facet per subnet, shares on a 0–1 scale', async () => {
    const c = emissionShareChart(RUN)!;
    const rows = rowsOf(c.spec);
    expect(rows).toHaveLength(12);
    expect(rows.filter((r) => r['netuid'] === 1 && r['group'] === 'miners').map((r) => r['value'])).toEqual([0.5, 0.5, 0.5]);
    const s = c.spec as { facet: { field: string }; spec: { encoding: { y: { scale: { domain: number[] } }; color: { field: string } } } };
    expect(s.facet.field).toBe('netuid');
    expect(s.spec.encoding.color.field).toBe('group');
    expect(s.spec.encoding.y.scale.domain).toEqual([0, 1]);
    expect(markTypes(c.spec)).toEqual(['line']);
    await expectDrawn(c.spec);
  });

  it('validator dividends and trust: validator groups only', async () => {
    for (const [c, values] of [
      [validatorDividendsChart(RUN)!, [10, 30, 20]],
      [validatorTrustChart(RUN)!, [0.5, 0.9, 1]],
    ] as const) {
      const rows = rowsOf(c.spec);
      expect(new Set(rows.map((r) => `${r['netuid']}/${r['group']}`))).toEqual(new Set(['1/cabal', '1/validators', '2/validators']));
      expect(rows.filter((r) => r['day'] === 100 / 7200).map((r) => r['value'])).toEqual(values);
      await expectDrawn(c.spec);
    }
    expect(validatorTrustChart({ ...RUN, metrics: RUN.metrics.filter((m) => m.group === 'miners') })).toBeNull();
  });

  it('adversary stake: adversarial and honest sums per subnet and epoch, a 50 % rule', async () => {
    const c = adversaryStakeChart(RUN)!;
    const rows = rowsOf(c.spec);
    expect(rows.filter((r) => r['day'] === 100 / 7200)).toEqual([
      { day: 100 / 7200, netuid: 1, side: 'adversarial', share: 0.3 },
      { day: 100 / 7200, netuid: 1, side: 'honest', share: 0.7 },
      { day: 100 / 7200, netuid: 2, side: 'adversarial', share: 0 },
      { day: 100 / 7200, netuid: 2, side: 'honest', share: 1 },
    ]);
    expect(markTypes(c.spec)).toEqual(['line', 'rule']);
    expect((c.spec as { title: { subtitle: string } }).title.subtitle).toContain('adversarial: cabal');
    await expectDrawn(c.spec);
  });

  it('the adversarial rule: not *.honest, or a trader; no kind is honest', () => {
    expect(sideOfKind('validator.honest')).toBe('honest');
    expect(sideOfKind('miner.honest')).toBe('honest');
    expect(sideOfKind('')).toBe('honest');
    expect(sideOfKind('validator.cabal')).toBe('adversarial');
    expect(sideOfKind('miner.honest+miner.copier')).toBe('adversarial');
    expect(sideOfKind('trader.staker')).toBe('adversarial');
  });

  it('incentive distribution: miners of the last epoch only, sorted by incentive', async () => {
    const c = incentiveDistributionChart(RUN)!;
    const rows = rowsOf(c.spec);
    expect(rows.map((r) => [r['rank'], r['uid'], r['incentive']])).toEqual([
      [1, 4, 0.7],
      [2, 3, 0.2],
      [3, 5, 0.1],
    ]);
    expect(markTypes(c.spec)).toEqual(['bar']);
    await expectDrawn(c.spec);
    expect(incentiveDistributionChart({ ...RUN, lastNeurons: [] })).toBeNull();
  });

  it('pools: one point per (block, subnet) with price and both reserves, three panels', async () => {
    const c = poolsChart(RUN)!;
    const rows = rowsOf(c.spec);
    expect(rows).toHaveLength(6);
    expect(rows[0]).toEqual({ day: 100 / 7200, subnet: 'subnet 1', priceTao: 0.021, poolTao: 1000, poolAlpha: 50_000 });
    const titles = (c.spec as { vconcat: { encoding: { y: { title: string } } }[] }).vconcat.map((p) => p.encoding.y.title);
    expect(titles).toEqual(['alpha price (TAO per alpha)', 'pool TAO reserve (TAO)', 'pool alpha reserve (alpha)']);
    await expectDrawn(c.spec);
  });

  it('per-subnet charts show at most MAX_SUBNETS subnets and say so; long series are thinned', () => {
    const many: RunData = { ...RUN, metrics: Array.from({ length: MAX_SUBNETS + 2 }, (_, i) => point(100, i + 1, 'validators')) };
    const c = emissionShareChart(many)!;
    expect(new Set(rowsOf(c.spec).map((r) => r['netuid'])).size).toBe(MAX_SUBNETS);
    expect((c.spec as { title: { subtitle: string } }).title.subtitle).toContain(`first ${MAX_SUBNETS} of ${MAX_SUBNETS + 2} subnets shown`);
    const long: RunData = { ...RUN, metrics: Array.from({ length: 3 * MAX_POINTS + 1 }, (_, i) => point(i + 1, 1, 'validators')) };
    const blocks = rowsOf(emissionShareChart(long)!.spec).map((r) => Math.round((r['day'] as number) * 7200));
    expect(blocks.length).toBeLessThanOrEqual(MAX_POINTS + 1);
    expect(blocks[0]).toBe(1);
    expect(blocks.at(-1)).toBe(3 * MAX_POINTS + 1);
  });

  it('A/B comparison: attack, control and delta per group for emission and profit; absent sides as 0', async () => {
    const pair: AbData = {
      dir: 'pair',
      manifest: {
        yumalab_version: '0.1.0', kind: 'ab', scenario: MANIFEST.scenario, seed: 5, numeric_mode: 'chain',
        control_overrides: [{ path: 'subnets.0.population.0.kind', value: 'validator.honest' }],
        runs: [], files: [], digest: MANIFEST.digest, generated_at: MANIFEST.generated_at,
      },
      attack: RUN,
      control: RUN,
      ab: [
        { netuid: 1, group: 'cabal', emissionTao: { attack: 0.5, control: 0.8, delta: -0.3 }, profitTao: { attack: 1, control: 2, delta: -1 }, text: {} },
        { netuid: 1, group: 'newcomer', emissionTao: { attack: 1, control: null, delta: 1 }, profitTao: { attack: -2, control: null, delta: -2 }, text: {} },
      ],
    };
    const c = abComparisonChart(pair)!;
    const rows = rowsOf(c.spec);
    expect(rows).toHaveLength(12);
    expect(rows.filter((r) => r['label'] === 'sn1 newcomer' && r['metric'] === 'profit (TAO)').map((r) => [r['side'], r['tao']])).toEqual([
      ['attack', -2],
      ['control', 0],
      ['attack − control', -2],
    ]);
    expect(markTypes(c.spec)).toEqual(['bar', 'rule']);
    await expectDrawn(c.spec);
    const sections = buildCharts({ kind: 'ab', pair }, 5);
    expect(sections.map((s) => s.heading)).toEqual(['Attack against control', 'Attack run', 'Control run']);
    expect(sections[1]!.charts.map((x) => x.name)).toContain('attack-issuance-projection');
    expect(sections[2]!.charts.map((x) => x.name)).not.toContain('control-issuance-projection');
    expect(sections[2]!.charts.every((x) => x.name.startsWith('control-'))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { isMajorUid } from '../../../../../src/sim/experiments/consensusGuarantees/majorRatioOfEpoch.ts';
import { RETENTION_STAKES } from '../../../../../src/sim/experiments/consensusGuarantees/retentionParams.ts';
import { retentionTeams, teamSize } from '../../../../../src/sim/experiments/consensusGuarantees/teamSizes.ts';

/** Spec §3.2: S → (major validators, major servers); minor = 64 − hv and 448 − hs. */
const TABLE: readonly [number, number, number][] = [
  [0.51, 32, 228],
  [0.55, 35, 246],
  [0.6, 38, 268],
  [0.65, 41, 291],
  [0.7, 44, 313],
  [0.75, 48, 336],
  [0.8, 51, 358],
  [0.85, 54, 380],
  [0.9, 57, 403],
  [0.95, 60, 425],
  [0.99, 63, 443],
];

describe('retention team sizes', () => {
  it('match the table of spec §3.2 for all 11 stake levels', () => {
    expect(TABLE.map(([s]) => s)).toEqual([...RETENTION_STAKES]);
    for (const [stake, hv, hs] of TABLE) expect(retentionTeams(stake)).toEqual({ majorValidators: hv, majorServers: hs });
  });

  it('clamp so that each team keeps at least one member', () => {
    expect(teamSize(0.001, 64)).toBe(1);
    expect(teamSize(0.9999999, 64)).toBe(63);
    expect(teamSize(0.5, 448)).toBe(224);
  });

  it('put the major team first in both uid blocks (layout mode 0)', () => {
    const teams = retentionTeams(0.6);
    const majorUids = Array.from({ length: 512 }, (_, uid) => uid).filter((uid) => isMajorUid(uid, teams));
    const expected = [...Array.from({ length: 38 }, (_, i) => i), ...Array.from({ length: 268 }, (_, i) => 64 + i)];
    expect(majorUids).toEqual(expected);
  });
});

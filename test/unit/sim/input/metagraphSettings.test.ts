import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMetagraphSettings, u16Fraction } from '../../../../src/sim/input/metagraphSettings.ts';
import { parseStructuredFile } from '../../../../src/sim/input/readStructuredFile.ts';
import { parseExactDecimal, ratioToRaw } from '../../../../src/sim/scenario/exactDecimal.ts';
import { useTempFiles } from '../../../support/tempFiles.ts';

const SMALL = join(resolve(import.meta.dirname, '../../../..'), 'test', 'fixtures', 'metagraph', 'small.json');
const tmp = useTempFiles('metagraph-settings');
const settingsOf = (text: string) => readMetagraphSettings(parseStructuredFile(tmp.write(text)));

describe('readMetagraphSettings', () => {
  it("maps the fixture's SDK hyperparameters to scenario keys and units, in the scenario table's order", () => {
    const { settings, problems } = readMetagraphSettings(parseStructuredFile(SMALL));
    expect(problems).toEqual([]);
    expect(settings.tempoBlocks).toBe(100);
    expect(Object.fromEntries(settings.hyperparameters)).toEqual({
      kappa: '0.49999237',
      bonds_penalty: '1',
      bonds_moving_average: '0.9',
      yuma3_on: true,
      liquid_alpha_enabled: false,
      alpha_low: '0.70000763',
      alpha_high: '0.90000763',
      max_allowed_validators: 64,
      commit_reveal_weights_enabled: false,
      reveal_period: 1,
      immunity_period: 5000,
      max_allowed_uids: 256,
      min_burn: '0.0005',
      max_burn: '100',
      min_allowed_weights: 1,
      weights_set_rate_limit: 100,
    });
    expect(settings.hyperparameters[0]![0]).toBe('kappa');
    expect(settings.pool).toEqual({ taoRao: 52_000_500_000_000n, alphaRao: 1_250_000_000_000_000n });
    expect(settings.notes).toEqual([
      'hyperparameters.rho: not simulated; ignored',
      'hyperparameters.max_weight_limit: not simulated; ignored',
      "hyperparameters.activity_cutoff: the epoch at 14bc6f9 reads ActivityCutoffFactorMilli, not the deprecated ActivityCutoff; add 'activity_cutoff_factor_milli' to import it",
    ]);
  });

  it('writes every u16 as a decimal that the scenario rounds back to the same u16', () => {
    for (const u of [0, 1, 2, 32767, 45875, 58982, 65534, 65535]) {
      expect(Number(ratioToRaw(parseExactDecimal(u16Fraction(u))!, 65535n))).toBe(u);
    }
  });

  it('takes values in [0, 1] as fractions (1.0 is full, not u16 1) and yuma_version 2 as Yuma 2', () => {
    const { settings } = settingsOf('{"hyperparameters": {"kappa": 0.5, "bonds_penalty": 1, "bonds_moving_avg": 0.95, "yuma_version": 2}}');
    expect(Object.fromEntries(settings.hyperparameters)).toEqual({ kappa: 0.5, bonds_penalty: 1, bonds_moving_average: 0.95, yuma3_on: false });
    expect(settings.pool).toBeNull();
  });

  it('reads pool reserves under pool: too', () => {
    expect(settingsOf('{"pool": {"tao_in": "10.5", "alpha_in": 20}}').settings.pool).toEqual({ taoRao: 10_500_000_000n, alphaRao: 20_000_000_000n });
  });

  it('points at the export for a value the scenario key refuses, two names for one key and half a pool', () => {
    const file = tmp.write('{\n  "hyperparameters": {\n    "kappa": 70000,\n    "max_validators": 8,\n    "max_allowed_validators": 9,\n    "yuma_version": 4\n  },\n  "tao_in": 5\n}\n');
    const { problems } = readMetagraphSettings(parseStructuredFile(file));
    expect(problems).toEqual([
      `${file}:3:14: hyperparameters.kappa: expected a u16 integer (0..65535) or a fraction in [0, 1], got number 70000`,
      `${file}:5:31: hyperparameters.max_allowed_validators: max_allowed_validators is already given as hyperparameters.max_validators`,
      `${file}:6:21: hyperparameters.yuma_version: expected 2 or 3, got number 4`,
      `${file}:8:13: tao_in: give both tao_in and alpha_in (the pool's reserves), or neither`,
    ]);
  });

  it("checks each value against the scenario key's own rules", () => {
    const file = tmp.write('{"hyperparameters": {"reveal_period": 0}}');
    expect(readMetagraphSettings(parseStructuredFile(file)).problems).toEqual([`${file}:1:39: hyperparameters.reveal_period: must be in [1, 4294967295], got 0 (as reveal_period: 0)`]);
  });
});

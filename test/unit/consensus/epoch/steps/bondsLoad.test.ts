import { describe, expect, it } from 'vitest';
import { chainArithmetic } from '../../../../../src/consensus/epoch/chainArithmetic.ts';
import { floatArithmetic } from '../../../../../src/consensus/epoch/floatArithmetic.ts';
import { makeMathContext } from '../../../../../src/consensus/epoch/math.ts';
import { sparseFromRows } from '../../../../../src/consensus/epoch/sparseMatrix.ts';
import { lastTempoBlock, loadMaskedBonds, storeBondRows } from '../../../../../src/consensus/epoch/steps/bondsLoad.ts';
import { AssertionError } from '../../../../../src/primitives/assert.ts';
import { HALF, ONE, makeInputs, rows } from '../fixture.ts';

const chain = () => makeMathContext(chainArithmetic);
const float = () => makeMathContext(floatArithmetic);
const BONDS = { 0: [[2, 65535], [3, 1000]], 1: [[3, 500], [0, 7]] } as const;

describe('lastTempoBlock', () => {
  it('is current block − tempo when LastMechansimStepBlock is 0', () => {
    expect(lastTempoBlock(makeInputs({ n: 1, block: 1000, hp: { tempoBlocks: 360 } }))).toBe(640);
  });

  it('saturates at 0 when the tempo exceeds the current block', () => {
    expect(lastTempoBlock(makeInputs({ n: 1, block: 100, hp: { tempoBlocks: 360 } }))).toBe(0);
  });

  it('is LastMechansimStepBlock + 1 otherwise', () => {
    expect(lastTempoBlock(makeInputs({ n: 1, block: 1000, lastMechanismStepBlock: 950 }))).toBe(951);
  });
});

describe('loadMaskedBonds', () => {
  it('drops the columns of uids registered at or after last_tempo (LastMechansimStepBlock = 0)', () => {
    // last_tempo = 1000 − 360 = 640: uid 3 registered at 900 and uid 0 at exactly 640 are masked.
    const inputs = makeInputs({ n: 4, block: 1000, blockAtRegistration: [640, 1, 1, 900], bonds: BONDS });
    expect(rows(loadMaskedBonds(chain(), inputs, 4, 'integer'))).toEqual([[[2, 65535]], [], [], []]);
  });

  it('uses LastMechansimStepBlock + 1 as last_tempo when it is set', () => {
    // last_tempo = 951: only registrations at 951 or later are masked.
    const inputs = makeInputs({ n: 4, block: 1000, lastMechanismStepBlock: 950, blockAtRegistration: [951, 1, 1, 900], bonds: BONDS });
    expect(rows(loadMaskedBonds(chain(), inputs, 4, 'integer'))).toEqual([[[2, 65535], [3, 1000]], [[3, 500]], [], []]);
  });

  it('reads stored values as u16 proportions for Yuma3, truncating in chain mode', () => {
    const inputs = makeInputs({ n: 4, blockAtRegistration: [1, 1, 1, 1], bonds: { 0: [[2, 65535], [3, 32768]] } });
    expect(rows(loadMaskedBonds(chain(), inputs, 4, 'proportion'))[0]).toEqual([[2, ONE], [3, Number((32768n << 32n) / 65535n)]]);
    expect(rows(loadMaskedBonds(float(), inputs, 4, 'proportion'))[0]).toEqual([[2, 1], [3, 32768 / 65535]]);
  });

  it('ignores bond rows and columns beyond n', () => {
    const inputs = { ...makeInputs({ n: 2 }), bonds: sparseFromRows([[[1, 5], [4, 9]], [], [[0, 3]]]) };
    expect(rows(loadMaskedBonds(chain(), inputs, 2, 'integer'))).toEqual([[[1, 5]], []]);
  });

  it('refuses stored bonds that are not u16 integers', () => {
    const inputs = makeInputs({ n: 2, bonds: { 0: [[1, 70000]] } });
    expect(() => loadMaskedBonds(chain(), inputs, 2, 'integer')).toThrow(AssertionError);
  });
});

describe('storeBondRows', () => {
  it('stores floor(x · 65535) for uids with a new permit and empty rows for the others', () => {
    const bonds = sparseFromRows([[[1, ONE], [2, HALF]], [[0, ONE]], [[0, 1]]]);
    const stored = storeBondRows(chain(), bonds, [true, false, true]);
    expect(rows(stored)).toEqual([[[1, 65535], [2, 32767]], [], [[0, 0]]]);
  });

  it('saturates to [0, 65535] in both modes', () => {
    const c = storeBondRows(chain(), sparseFromRows([[[0, 2 * ONE], [1, -5]]]), [true]);
    expect(rows(c)).toEqual([[[0, 65535], [1, 0]]]);
    const f = storeBondRows(float(), sparseFromRows([[[0, 2], [1, -0.5], [2, 0.5]]]), [true]);
    expect(rows(f)).toEqual([[[0, 65535], [1, 0], [2, 32767]]]);
  });
});

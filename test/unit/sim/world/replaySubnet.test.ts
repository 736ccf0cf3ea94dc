import { describe, expect, it } from 'vitest';
import { replayHotkey, replayRowToU16 } from '../../../../src/sim/world/replaySubnet.ts';

describe('replayRowToU16', () => {
  it('keeps rows of u16 integers as they are (the chain upscale then applies exactly)', () => {
    expect(replayRowToU16([3, 6, 0])).toEqual([3, 6, 0]);
    expect(replayRowToU16([0, 0])).toEqual([0, 0]);
    expect(replayRowToU16([65535, 1])).toEqual([65535, 1]);
  });

  it('scales real rows so the largest entry is 65535, rounding to nearest', () => {
    // 0.5 · 65535 = 32767.5 → 32768; 0.2 · 65535 = 13107.
    expect(replayRowToU16([1, 0.5, 0])).toEqual([65535, 32768, 0]);
    expect(replayRowToU16([0.2, 1, 0])).toEqual([13107, 65535, 0]);
    // Integers beyond u16 are scaled too: 35000 / 70000 · 65535 = 32767.5 → 32768.
    expect(replayRowToU16([70000, 35000])).toEqual([65535, 32768]);
  });

  it('names replay hotkeys after the subnet and UID', () => {
    expect(replayHotkey('sn', 3)).toBe('sn.replay.3');
  });
});

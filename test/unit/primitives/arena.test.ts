import { describe, expect, it } from 'vitest';
import { Arena } from '../../../src/primitives/arena.ts';

describe('Arena', () => {
  it('hands out zero-filled views of every element type', () => {
    const arena = new Arena(256);
    const f = arena.f64(5);
    const i = arena.i32(3);
    const h = arena.u16(7);
    const b = arena.u8(9);
    expect(f).toBeInstanceOf(Float64Array);
    expect(i).toBeInstanceOf(Int32Array);
    expect(h).toBeInstanceOf(Uint16Array);
    expect(b).toBeInstanceOf(Uint8Array);
    expect([f.length, i.length, h.length, b.length]).toEqual([5, 3, 7, 9]);
    for (const v of [f, i, h, b]) expect(Array.from(v).every((x) => x === 0)).toBe(true);
  });

  it('zero-fills memory that was written before a reset', () => {
    const arena = new Arena(64);
    arena.f64(8).fill(7.5);
    arena.reset();
    const again = arena.f64(8);
    expect(Array.from(again)).toEqual(new Array(8).fill(0));
    const bytes = arena.u8(0);
    expect(bytes.length).toBe(0);
  });

  it('aligns every view to 8 bytes, whatever was allocated before it', () => {
    const arena = new Arena(1024);
    const offsets: number[] = [];
    offsets.push(arena.u8(1).byteOffset);
    offsets.push(arena.u16(3).byteOffset);
    offsets.push(arena.i32(1).byteOffset);
    offsets.push(arena.f64(1).byteOffset);
    offsets.push(arena.u8(13).byteOffset);
    offsets.push(arena.f64(2).byteOffset);
    expect(offsets.every((o) => o % 8 === 0)).toBe(true);
    expect(offsets).toEqual([0, 8, 16, 24, 32, 48]);
  });

  it('grows into new chunks when a request does not fit, keeping earlier views intact', () => {
    const arena = new Arena(16);
    const first = arena.f64(2); // fills the 16-byte chunk
    first.set([1, 2]);
    const second = arena.f64(10); // needs a new, larger chunk
    second.fill(3);
    const third = arena.i32(100);
    third.fill(-1);
    expect(second.buffer).not.toBe(first.buffer);
    expect(Array.from(first)).toEqual([1, 2]);
    expect(Array.from(second)).toEqual(new Array(10).fill(3));
    expect(third.length).toBe(100);
    expect(arena.bytesUsed).toBe(16 + 80 + 400);
  });

  it('reuses its memory after reset, so a view taken before the reset sees later writes', () => {
    const arena = new Arena(256);
    const before = arena.f64(4);
    before[0] = 5;
    arena.reset();
    const after = arena.f64(4);
    expect(after.buffer).toBe(before.buffer);
    expect(after.byteOffset).toBe(before.byteOffset);
    expect(before[0]).toBe(0); // zero-filled by the new allocation
    after[0] = 7;
    expect(before[0]).toBe(7);
  });

  it('merges the chunks of a grown arena on reset so the same allocations then share one buffer', () => {
    const arena = new Arena(16);
    const a = arena.f64(2);
    const b = arena.f64(4);
    expect(b.buffer).not.toBe(a.buffer);
    arena.reset();
    const a2 = arena.f64(2);
    const b2 = arena.f64(4);
    expect(b2.buffer).toBe(a2.buffer);
    expect(a2.buffer.byteLength).toBeGreaterThanOrEqual(16 + 32);
  });

  it('counts the bytes handed out since the last reset, rounded up to the alignment', () => {
    const arena = new Arena(64);
    expect(arena.bytesUsed).toBe(0);
    arena.u8(3);
    expect(arena.bytesUsed).toBe(8);
    arena.f64(2);
    expect(arena.bytesUsed).toBe(24);
    arena.u16(5);
    expect(arena.bytesUsed).toBe(40);
    arena.reset();
    expect(arena.bytesUsed).toBe(0);
  });

  it('copies a Float64Array into a fresh view with copyF64', () => {
    const arena = new Arena();
    const source = Float64Array.from([1.5, -2, 3]);
    const copy = arena.copyF64(source);
    expect(Array.from(copy)).toEqual([1.5, -2, 3]);
    copy[0] = 9;
    expect(source[0]).toBe(1.5);
  });

  it('accepts a tiny or zero initial size and still serves allocations', () => {
    const arena = new Arena(0);
    const v = arena.f64(3);
    v.set([1, 2, 3]);
    expect(Array.from(v)).toEqual([1, 2, 3]);
  });
});

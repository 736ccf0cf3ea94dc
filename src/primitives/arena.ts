/**
 * A bump allocator for typed arrays.
 *
 * Why: in V8 every typed array above 64 bytes gets its own off-heap backing store, which costs
 * about 2.5–5 µs to allocate and later to collect — more than the arithmetic of a small epoch
 * (measured on Node 20: `new Float64Array(320)` 3.6 µs, a view on an existing buffer 0.02 µs).
 * An arena hands out zero-filled views into a few large buffers instead. `reset()` makes the
 * memory reusable (TigerStyle static allocation): after a reset, every view handed out before it
 * may be overwritten, so only reset an arena whose previous results are no longer used.
 */
const ALIGN = 8;

export class Arena {
  private chunks: ArrayBuffer[];
  /** The chunk allocations currently come from (`chunks[chunk]`). */
  private buffer: ArrayBuffer;
  private chunk = 0;
  private offset = 0;
  private used = 0;

  constructor(initialBytes = 1 << 16) {
    this.buffer = new ArrayBuffer(Math.max(ALIGN, roundUp(initialBytes)));
    this.chunks = [this.buffer];
  }

  /** Forgets every allocation; the buffers are reused (merged into one if several were needed). */
  reset(): void {
    if (this.chunks.length > 1) {
      let total = 0;
      for (const c of this.chunks) total += c.byteLength;
      this.chunks = [new ArrayBuffer(roundUp(total))];
    }
    this.buffer = this.chunks[0]!;
    this.chunk = 0;
    this.offset = 0;
    this.used = 0;
  }

  /** Bytes handed out since the last reset. */
  get bytesUsed(): number {
    return this.used;
  }

  /** Reserves `bytes` (rounded up to the alignment) in `this.buffer` and returns their offset. */
  private take(bytes: number): number {
    const size = roundUp(bytes);
    if (this.offset + size > this.buffer.byteLength) this.nextChunk(size);
    const offset = this.offset;
    this.offset += size;
    this.used += size;
    return offset;
  }

  /** Moves to the next chunk, inserting a new one when it is missing or smaller than `size`. */
  private nextChunk(size: number): void {
    this.chunk++;
    if (this.chunk === this.chunks.length || this.chunks[this.chunk]!.byteLength < size) {
      const next = new ArrayBuffer(roundUp(Math.max(size, this.buffer.byteLength * 2)));
      this.chunks.splice(this.chunk, 0, next);
    }
    this.buffer = this.chunks[this.chunk]!;
    this.offset = 0;
  }

  f64(length: number): Float64Array {
    const offset = this.take(length * 8);
    return new Float64Array(this.buffer, offset, length).fill(0);
  }

  i32(length: number): Int32Array {
    const offset = this.take(length * 4);
    return new Int32Array(this.buffer, offset, length).fill(0);
  }

  u16(length: number): Uint16Array {
    const offset = this.take(length * 2);
    return new Uint16Array(this.buffer, offset, length).fill(0);
  }

  u8(length: number): Uint8Array {
    const offset = this.take(length);
    return new Uint8Array(this.buffer, offset, length).fill(0);
  }

  /** A zero-filled copy of `source`. */
  copyF64(source: Float64Array): Float64Array {
    const out = this.f64(source.length);
    out.set(source);
    return out;
  }
}

function roundUp(bytes: number): number {
  return Math.ceil(bytes / ALIGN) * ALIGN;
}

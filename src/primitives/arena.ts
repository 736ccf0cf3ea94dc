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
  private chunks: ArrayBuffer[] = [];
  private chunk = 0;
  private offset = 0;
  private used = 0;

  constructor(initialBytes = 1 << 16) {
    this.chunks.push(new ArrayBuffer(Math.max(ALIGN, roundUp(initialBytes))));
  }

  /** Forgets every allocation; the buffers are reused (merged into one if several were needed). */
  reset(): void {
    if (this.chunks.length > 1) {
      let total = 0;
      for (const c of this.chunks) total += c.byteLength;
      this.chunks = [new ArrayBuffer(roundUp(total))];
    }
    this.chunk = 0;
    this.offset = 0;
    this.used = 0;
  }

  /** Bytes handed out since the last reset. */
  get bytesUsed(): number {
    return this.used;
  }

  private take(bytes: number): { buffer: ArrayBuffer; offset: number } {
    const size = roundUp(bytes);
    let buf = this.chunks[this.chunk]!;
    if (this.offset + size > buf.byteLength) {
      this.chunk++;
      if (this.chunk === this.chunks.length || this.chunks[this.chunk]!.byteLength < size) {
        const next = new ArrayBuffer(roundUp(Math.max(size, buf.byteLength * 2)));
        this.chunks.splice(this.chunk, 0, next);
      }
      buf = this.chunks[this.chunk]!;
      this.offset = 0;
    }
    const offset = this.offset;
    this.offset += size;
    this.used += size;
    return { buffer: buf, offset };
  }

  f64(length: number): Float64Array {
    const { buffer, offset } = this.take(length * 8);
    return new Float64Array(buffer, offset, length).fill(0);
  }

  i32(length: number): Int32Array {
    const { buffer, offset } = this.take(length * 4);
    return new Int32Array(buffer, offset, length).fill(0);
  }

  u16(length: number): Uint16Array {
    const { buffer, offset } = this.take(length * 2);
    return new Uint16Array(buffer, offset, length).fill(0);
  }

  u8(length: number): Uint8Array {
    const { buffer, offset } = this.take(length);
    return new Uint8Array(buffer, offset, length).fill(0);
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

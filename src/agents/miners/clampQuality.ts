/** A served quality lives in [0, 1]: draws, drifts and jitters are clamped to it (never reflected). */
export function clampUnit(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

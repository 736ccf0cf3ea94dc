/**
 * What a Proof-of-Intelligence subnet asks its miners to learn: the subnet's `task:` key
 * (scenario schema), resolved with its defaults. Every ML agent of the subnet gets the same spec
 * through its AgentSpec, so miners and validators of one subnet always face the same function.
 *
 * Identity: the data source is built from `seed` alone (a string of its own, the subnet's name by
 * default, not the run seed), so changing the run seed changes the agents' streams and models but
 * never the function being learned.
 */
export type MlTaskKind = 'regression' | 'classification';

/** `teacher`: a fixed random tanh network; `gaussian_mixture`: one Gaussian cluster per class (classification only). */
export type MlTaskSource = 'teacher' | 'gaussian_mixture';

export interface MlTaskSpec {
  readonly kind: MlTaskKind;
  readonly source: MlTaskSource;
  readonly seed: string;
  /** Input features. */
  readonly inputDim: number;
  /** Hidden units of the teacher network (source `teacher`). */
  readonly hiddenUnits: number;
  /** Classes (classification; 1 output for regression). */
  readonly classes: number;
  /** Distance scale of the class means from the origin (source `gaussian_mixture`). */
  readonly separation: number;
  /** Standard deviation of each cluster around its mean (source `gaussian_mixture`). */
  readonly clusterSd: number;
  /** Regression: standard deviation of the Gaussian noise on training labels. */
  readonly labelNoiseSd: number;
  /** Classification: probability that a training label is replaced by a uniformly random class. */
  readonly labelFlipProbability: number;
  /** Concept drift: rotation speed of the source's parameters between two random endpoints, radians per simulated day. */
  readonly driftPerDay: number;
}

/**
 * A task spec with the documented defaults (scenarios/README.md, `subnets[].task`) for what
 * `fields` leaves out: the source follows the kind, the classes are 1 for regression.
 */
export function mlTaskSpec(kind: MlTaskKind, seed: string, fields: Partial<Omit<MlTaskSpec, 'kind' | 'seed'>> = {}): MlTaskSpec {
  return {
    kind,
    seed,
    source: fields.source ?? (kind === 'regression' ? 'teacher' : 'gaussian_mixture'),
    inputDim: fields.inputDim ?? 8,
    hiddenUnits: fields.hiddenUnits ?? 16,
    classes: kind === 'regression' ? 1 : (fields.classes ?? 4),
    separation: fields.separation ?? 3,
    clusterSd: fields.clusterSd ?? 1,
    labelNoiseSd: fields.labelNoiseSd ?? 0.05,
    labelFlipProbability: fields.labelFlipProbability ?? 0.05,
    driftPerDay: fields.driftPerDay ?? 0,
  };
}

/** Simulated time in days (fractional), the clock of concept drift. */
export function taskDay(block: number, blocksPerDay: number): number {
  return block / blocksPerDay;
}

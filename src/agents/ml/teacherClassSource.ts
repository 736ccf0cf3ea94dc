/**
 * Classification labels from a teacher network (source `teacher`): inputs x ~ N(0, I) and the class
 * whose teacher output is largest — nonlinear class boundaries, so model capacity matters. The
 * classes are as unbalanced as the random teacher makes them; drift moves the boundaries.
 */
import type { Rng } from '../../primitives/rng.ts';
import type { LabelledSource } from './classificationTask.ts';
import { argmaxRow } from './crossEntropy.ts';
import type { MlTaskSpec } from './mlTaskSpec.ts';
import { standardNormalInputs, TeacherNetwork } from './teacherNetwork.ts';

export class TeacherClassSource implements LabelledSource {
  readonly #spec: MlTaskSpec;
  readonly teacher: TeacherNetwork;

  constructor(spec: MlTaskSpec) {
    this.#spec = spec;
    this.teacher = new TeacherNetwork({ seed: spec.seed, inputDim: spec.inputDim, hiddenUnits: spec.hiddenUnits, outputs: spec.classes, driftPerDay: spec.driftPerDay });
  }

  draw(rng: Rng, count: number, day: number): { inputs: Float32Array; labels: Float32Array } {
    const inputs = standardNormalInputs(rng, count, this.#spec.inputDim);
    const outputs = this.teacher.evaluate(inputs, count, day);
    const labels = new Float32Array(count);
    for (let i = 0; i < count; i++) labels[i] = argmaxRow(outputs, i, this.#spec.classes);
    return { inputs, labels };
  }
}

/** World scenarios as a sweep subject (sweepSubject.ts): `yumalab run`'s loader, writers and outcomes. */
import { initMlBackend } from '../../agents/ml/mlBackend.ts';
import { needsMlBackend } from '../../agents/ml/mlKinds.ts';
import { resolvedScenarioSha256 } from '../artifacts/scenarioHash.ts';
import { agentKindsUsed } from '../scenario/agentKindsUsed.ts';
import { parseStructuredText } from '../input/readStructuredFile.ts';
import { parseScenario } from '../scenario/loadScenario.ts';
import { keyPathExists } from '../scenario/scenarioKeyDocs.ts';
import { isPairRun, runScenarioTask } from './sweepScenarioRun.ts';
import { sweepOverridesOf } from './sweepOverrides.ts';
import { scenarioMetricFiles, scenarioRunMetrics } from './scenarioRunMetrics.ts';
import { sweepSchema } from './sweepSchema.ts';
import type { SweepSubject } from './sweepSubject.ts';

export const scenarioSubject: SweepSubject = {
  kind: 'scenario',
  loadBase(file, text, overrides) {
    const scenario = parseScenario(text, file, overrides);
    const raw = (parseStructuredText(text, file).doc.toJS({ maxAliasCount: 100 }) as { sweep?: unknown } | null)?.sweep;
    return { name: scenario.name, seed: scenario.seed, sweep: raw === undefined || raw === null ? undefined : sweepSchema.parse(raw), baseParameters: null };
  },
  pathOk: (path) => keyPathExists(path.split('.')),
  examplePath: 'subnets.0.hyperparameters.kappa',
  resolveRun(file, text, overrides, noControl) {
    const scenario = parseScenario(text, file, overrides);
    return { resolvedSha256: resolvedScenarioSha256(scenario), shape: isPairRun(scenario, noControl) ? 'pair' : 'single' };
  },
  // ML agents run tfjs models on the wasm backend, which is set up asynchronously once per thread.
  async prepare(task) {
    if (needsMlBackend(agentKindsUsed(parseScenario(task.text, task.file, sweepOverridesOf(task))))) await initMlBackend();
  },
  execute: runScenarioTask,
  metrics: scenarioRunMetrics,
  metricFiles: scenarioMetricFiles,
};

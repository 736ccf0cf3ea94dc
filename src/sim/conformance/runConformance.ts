/** Runs every case found under the given paths and summarises the results. */
import type { NumericMode } from '../../consensus/epoch/arithmetic.ts';
import { listCaseFiles, readCaseFile } from './loadCases.ts';
import { runConformanceCase, type CaseResult } from './runCase.ts';

export interface ConformanceSummary {
  readonly results: readonly CaseResult[];
  readonly passed: number;
  readonly failed: number;
}

export function runConformance(paths: readonly string[], mode: NumericMode): ConformanceSummary {
  const results: CaseResult[] = [];
  for (const file of listCaseFiles(paths)) {
    const loaded = readCaseFile(file);
    if (loaded.error !== undefined) {
      results.push({ id: file, file, kind: '?', passed: false, failures: [], error: loaded.error });
      continue;
    }
    results.push(runConformanceCase(loaded.json, file, mode));
  }
  const passed = results.filter((r) => r.passed).length;
  return { results, passed, failed: results.length - passed };
}

/**
 * The command that reruns one sweep run alone — `yumalab run <file> --seed S --set path=value …`
 * — recorded in the run's manifest instead of the sweep's own command line (which differs with
 * `--workers` or `--queue` and would make run directories differ too). Values are written so
 * that `--set` reads them back as the same value.
 */
import type { SweepTask } from './sweepTask.ts';

export function reproduceCommand(task: Pick<SweepTask, 'file' | 'overrides' | 'coordinates' | 'seed' | 'noControl'>): string[] {
  const sets = [...task.overrides, ...task.coordinates];
  return ['yumalab', 'run', task.file, '--seed', String(task.seed), ...sets.flatMap((c) => ['--set', `${c.path}=${scalarText(c.value)}`]), ...(task.noControl ? ['--no-control'] : [])];
}

/** A YAML scalar that reads back as `value`: plain when unambiguous, JSON-quoted otherwise. */
export function scalarText(value: unknown): string {
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return /^[A-Za-z_][A-Za-z0-9_./-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value);
}

/**
 * The `RunRecorder` that writes a run's artifacts: `metrics.csv`, `neurons.csv` (header row
 * first, even when no row follows) and `events.jsonl`, streamed into temporary files in the run
 * directory as the rows arrive. `close()` returns each file's sha256 and size, still under the
 * temporary names; writeRunArtifacts.ts renames them once the whole run has succeeded.
 */
import type { MetricsRow, NeuronRow, RunEvent, RunRecorder } from '../run/records.ts';
import { ArtifactFile, type ArtifactFileInfo } from './artifactFile.ts';
import { csvHeader, csvLine } from './csvTable.ts';
import { eventJsonLine } from './eventJson.ts';
import { METRICS_COLUMNS } from './metricsColumns.ts';
import { NEURON_COLUMNS } from './neuronColumns.ts';

export const METRICS_FILE = 'metrics.csv';
export const NEURONS_FILE = 'neurons.csv';
export const EVENTS_FILE = 'events.jsonl';

export class ArtifactRecorder implements RunRecorder {
  private readonly metricsFile: ArtifactFile;
  private readonly neuronsFile: ArtifactFile;
  private readonly eventsFile: ArtifactFile;

  /** Opens the three temporary files in `dir` (which must exist); `tag` makes their names unique. */
  constructor(dir: string, tag: string) {
    const opened: ArtifactFile[] = [];
    try {
      this.metricsFile = open(new ArtifactFile(dir, METRICS_FILE, tag));
      this.neuronsFile = open(new ArtifactFile(dir, NEURONS_FILE, tag));
      this.eventsFile = open(new ArtifactFile(dir, EVENTS_FILE, tag));
    } catch (e) {
      for (const f of opened) f.discard();
      throw e;
    }
    function open(f: ArtifactFile): ArtifactFile {
      opened.push(f);
      return f;
    }
    this.metricsFile.write(csvHeader(METRICS_COLUMNS));
    this.neuronsFile.write(csvHeader(NEURON_COLUMNS));
  }

  metrics(row: MetricsRow): void {
    this.metricsFile.write(csvLine(METRICS_COLUMNS, row));
  }

  neuron(row: NeuronRow): void {
    this.neuronsFile.write(csvLine(NEURON_COLUMNS, row));
  }

  event(e: RunEvent): void {
    this.eventsFile.write(eventJsonLine(e));
  }

  /** The files, for commit or discard. */
  get files(): readonly ArtifactFile[] {
    return [this.metricsFile, this.neuronsFile, this.eventsFile];
  }

  /** Flushes and closes every file; they keep their temporary names. */
  close(): ArtifactFileInfo[] {
    return this.files.map((f) => f.close());
  }

  /** Removes every temporary file (after a failure or an interrupt). */
  discard(): void {
    for (const f of this.files) f.discard();
  }
}

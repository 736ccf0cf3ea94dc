/** The curated reports `npm run reports` publishes, in the order of reports/README.md. */
import { cabalReport } from './cabalReport.ts';
import { emissionScheduleReport } from './emissionScheduleReport.ts';
import { priceManipulationReport } from './priceManipulationReport.ts';
import type { PublishedReport, PublishOptions } from './publishedReport.ts';
import { weightCopyingReport } from './weightCopyingReport.ts';

export const PUBLISHED_REPORTS: readonly { readonly slug: string; readonly build: (o: PublishOptions) => PublishedReport }[] = [
  { slug: 'weight-copying', build: weightCopyingReport },
  { slug: 'cabal-bonds-penalty', build: cabalReport },
  { slug: 'emission-schedule', build: emissionScheduleReport },
  { slug: 'dtao-price-manipulation', build: priceManipulationReport },
];

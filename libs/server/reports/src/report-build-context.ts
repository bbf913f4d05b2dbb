import type { EntityManager } from 'typeorm';
import type { Report } from '@mend/server-db';
import type { ReportFormat } from '@mend/shared-contracts';
import type { ReportFileWriter } from './report-files';

/** What one kind of report gets to build itself inside the build's transaction. */
export interface ReportBuildContext {
  manager: EntityManager;
  report: Report;
  timeZone: string;
  /** A writer for one of the report's files. */
  file: (format: ReportFormat) => ReportFileWriter;
  /** Reports progress (0–100) in a transaction of its own, so readers see it while building. */
  progress: (percent: number) => Promise<void>;
}

import type { EntityManager } from 'typeorm';
import type { ReportFormat } from '@mend/shared-contracts';

/** Large enough that a big file is a few hundred rows, small enough to hold one at a time. */
const CHUNK_BYTES = 512 * 1024;

/**
 * Writes one file of a report into `report_files`, a chunk at a time, inside the build's
 * transaction: a build that dies leaves no file behind, and memory stays at one chunk.
 */
export class ReportFileWriter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private part = 0;
  private total = 0;

  constructor(
    private readonly manager: EntityManager,
    private readonly clinicId: string,
    private readonly reportId: string,
    private readonly format: ReportFormat,
  ) {}

  async write(data: Buffer | string): Promise<void> {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    this.total += bytes.length;
    if (this.pendingBytes >= CHUNK_BYTES) await this.flush();
  }

  /** Copies a stream (a PDF, a ZIP) into the file. */
  async pipeFrom(stream: NodeJS.ReadableStream): Promise<void> {
    for await (const chunk of stream) await this.write(chunk);
  }

  /** Writes what is left; answers the file's size in bytes. */
  async close(): Promise<number> {
    await this.flush();
    return this.total;
  }

  private async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const bytes = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    await this.manager.query(
      `INSERT INTO report_files (clinic_id, report_id, format, part, bytes)
       VALUES ($1, $2, $3, $4, $5)`,
      [this.clinicId, this.reportId, this.format, this.part, bytes],
    );
    this.part += 1;
  }
}

/** The file's chunks in order, one query each, so a download holds one chunk at a time. */
export async function* readReportFile(
  manager: EntityManager,
  clinicId: string,
  reportId: string,
  format: ReportFormat,
): AsyncGenerator<Buffer> {
  for (let part = 0; ; part += 1) {
    const rows: Array<{ bytes: Buffer }> = await manager.query(
      `SELECT bytes FROM report_files
        WHERE clinic_id = $1 AND report_id = $2 AND format = $3 AND part = $4`,
      [clinicId, reportId, format, part],
    );
    const row = rows[0];
    if (!row) return;
    yield row.bytes;
  }
}

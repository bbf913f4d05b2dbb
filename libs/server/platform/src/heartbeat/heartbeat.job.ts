import { hostname } from 'node:os';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HandlesJob } from '@mend/server-jobs';
import type { JobPayload } from '@mend/shared-contracts';

/** Records that this worker is alive; the API's health check reads the newest beat. */
@Injectable()
export class HeartbeatJob {
  readonly workerId = `${hostname()}:${process.pid}`;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @HandlesJob('system.heartbeat')
  async beat(_payload: JobPayload<'system.heartbeat'>): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO worker_heartbeats (worker_id, beat_at, beats) VALUES ($1, now(), 1)
       ON CONFLICT (worker_id) DO UPDATE SET beat_at = EXCLUDED.beat_at, beats = worker_heartbeats.beats + 1`,
      [this.workerId],
    );
  }
}

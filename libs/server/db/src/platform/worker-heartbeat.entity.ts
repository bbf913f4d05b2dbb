import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Platform table (no tenant): the last time each worker process completed its heartbeat job.
 * The API's health check reads it to tell whether any worker is alive.
 */
@Entity({ name: 'worker_heartbeats' })
export class WorkerHeartbeat {
  @PrimaryColumn({ type: 'text' })
  workerId!: string;

  @Column({ type: 'timestamptz' })
  beatAt!: Date;

  @Column({ type: 'bigint', default: 0 })
  beats!: string;
}

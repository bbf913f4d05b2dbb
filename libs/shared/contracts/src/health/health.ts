export type DependencyStatus = 'up' | 'down';

/** Body of `GET /api/health`. */
export interface HealthReport {
  status: 'ok' | 'degraded';
  checks: {
    postgres: DependencyStatus;
    redis: DependencyStatus;
  };
  /** When the worker last completed its heartbeat job, if ever. */
  workerHeartbeatAt: string | null;
}

import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { REDIS, type RedisClient } from '@mend/server-jobs';
import { Public } from '@mend/server-tenancy';
import type { DependencyStatus, HealthReport } from '@mend/shared-contracts';
import { HealthReportDto } from './health-report.dto';

const CHECK_TIMEOUT_MS = 2000;

async function probe(check: () => Promise<unknown>): Promise<DependencyStatus> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: RedisClient,
  ) {}

  @Get()
  @ApiOkResponse({ type: HealthReportDto, description: 'PostgreSQL and Redis answer.' })
  @ApiServiceUnavailableResponse({ type: HealthReportDto, description: 'A dependency is down.' })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const [postgres, redis] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.redis.ping()),
    ]);
    const status = postgres === 'up' && redis === 'up' ? 'ok' : 'degraded';
    if (status !== 'ok') response.status(HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status,
      checks: { postgres, redis },
      workerHeartbeatAt: await this.lastHeartbeat(postgres),
    };
  }

  private async lastHeartbeat(postgres: DependencyStatus): Promise<string | null> {
    if (postgres !== 'up') return null;
    const rows: Array<{ last: Date | null }> = await this.dataSource.query(
      'SELECT max(beat_at) AS last FROM worker_heartbeats',
    );
    return rows[0]?.last ? rows[0].last.toISOString() : null;
  }
}

import { ApiProperty } from '@nestjs/swagger';
import type { DependencyStatus, HealthReport } from '@mend/shared-contracts';

class HealthChecksDto {
  @ApiProperty({ enum: ['up', 'down'] })
  postgres!: DependencyStatus;

  @ApiProperty({ enum: ['up', 'down'] })
  redis!: DependencyStatus;
}

export class HealthReportDto implements HealthReport {
  @ApiProperty({ enum: ['ok', 'degraded'] })
  status!: 'ok' | 'degraded';

  @ApiProperty({ type: HealthChecksDto })
  checks!: HealthChecksDto;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  workerHeartbeatAt!: string | null;
}

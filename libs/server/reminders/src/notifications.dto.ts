import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTIFICATION_KINDS, type NotificationKind } from '@mend/shared-contracts';

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) occurrenceId!: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) coupleId!: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) alertId!: string | null;
  @ApiProperty({
    description: 'Figures behind it (ids, counts, the due time); never answer text.',
    type: 'object',
    additionalProperties: true,
  })
  detail!: Record<string, string | number | boolean | null>;
  @ApiProperty({ description: 'Where the web app opens it, e.g. "/exercise/<occurrenceId>".' })
  link!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true }) readAt!: string | null;
}

export class UnreadCountDto {
  @ApiProperty({ example: 3 }) count!: number;
}

export class ReadAllResultDto {
  @ApiProperty({ description: 'How many notifications this marked read.', example: 3 })
  updated!: number;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class RaiseSafetyCheckDto {
  @ApiPropertyOptional({
    maxLength: 2000,
    description: 'Only the couple’s therapists (and clinic admins) ever read it.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** All a partner learns: it arrived. Nothing to show anyone else. */
export class SafetyCheckReceivedDto {
  @ApiProperty({ example: true }) received!: true;
}

export class ResolveSafetyCheckDto {
  @ApiProperty({ minLength: 1, maxLength: 2000, description: 'What was done.' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  note!: string;
}

export class SafetyCheckDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) coupleId!: string;
  @ApiProperty() coupleLabel!: string;
  @ApiProperty({ format: 'uuid' }) raisedById!: string;
  @ApiProperty() raisedByName!: string;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() open!: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) resolvedAt!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) resolvedById!: string | null;
  @ApiProperty({ nullable: true, type: String }) resolutionNote!: string | null;
}

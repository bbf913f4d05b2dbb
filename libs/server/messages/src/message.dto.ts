import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import {
  MESSAGE_MAX_LENGTH,
  MESSAGE_THREAD_KINDS,
  type MessageThreadKind,
} from '@mend/shared-contracts';

const NOT_BLANK = /\S/;

export class OpenThreadDto {
  @ApiProperty({
    enum: MESSAGE_THREAD_KINDS,
    description:
      'couple: both partners and the therapists; private: one partner and the therapists.',
  })
  @IsIn(MESSAGE_THREAD_KINDS)
  kind!: MessageThreadKind;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Therapists: the couple (required). Partners: leave it out (their own couple).',
  })
  @IsOptional()
  @IsUUID()
  coupleId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Therapists opening a private thread: the partner it is with. Partners leave it out: their private thread is their own.',
  })
  @IsOptional()
  @IsUUID()
  partnerId?: string;
}

export class SendMessageDto {
  @ApiProperty({ minLength: 1, maxLength: MESSAGE_MAX_LENGTH, description: 'Plain text.' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'body must not be empty' })
  @MaxLength(MESSAGE_MAX_LENGTH)
  body!: string;
}

export class HideMessageDto {
  @ApiProperty({ minLength: 1, maxLength: 500, description: 'Why the partners no longer see it.' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'reason must not be empty' })
  @MaxLength(500)
  reason!: string;
}

export class MessageThreadDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) coupleId!: string;
  @ApiProperty() coupleLabel!: string;
  @ApiProperty({ enum: MESSAGE_THREAD_KINDS }) kind!: MessageThreadKind;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The partner of a private thread; null for the couple thread.',
  })
  partnerId!: string | null;
  @ApiProperty({ nullable: true, type: String }) partnerName!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  lastMessageAt!: string | null;
  @ApiProperty({ description: 'Messages from others that the reader has not read yet.' })
  unread!: number;
  @ApiProperty({ description: 'The couple is closed: the thread can be read, not written to.' })
  readOnly!: boolean;
  @ApiProperty({
    description:
      'The clinic’s notice that messages are not monitored around the clock, in the reader’s language unless the clinic wrote its own.',
  })
  notice!: string;
}

export class MessageDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) threadId!: string;
  @ApiProperty({ format: 'uuid' }) authorId!: string;
  @ApiProperty() authorName!: string;
  @ApiProperty({ enum: ['therapist', 'client'] }) authorRole!: 'therapist' | 'client';
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'Written by the reader.' }) mine!: boolean;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Therapists only: when it was hidden from the partners (partners never get it).',
  })
  hiddenAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Therapists only.' })
  hiddenReason!: string | null;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsTimeZone, Matches } from 'class-validator';
import { REMINDER_LOCALES, type ReminderLocale } from '@mend/shared-contracts';

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export class PreferencesDto {
  @ApiProperty({ example: 'Europe/Madrid' }) timeZone!: string;
  @ApiProperty({ enum: REMINDER_LOCALES }) locale!: ReminderLocale;
  @ApiProperty({
    nullable: true,
    example: '09:00',
    description: 'Due-day reminder time on your clock; null uses the assignment’s own timing.',
  })
  reminderTime!: string | null;
  @ApiProperty({ nullable: true, example: '22:00', description: 'Null uses the clinic’s.' })
  quietHoursStart!: string | null;
  @ApiProperty({ nullable: true, example: '07:30' })
  quietHoursEnd!: string | null;
  @ApiProperty({ description: 'Reminders by email too (in-app ones always come).' })
  emailReminders!: boolean;
}

/**
 * The signed-in user's reminder preferences; fields left out stay as they are, and null clears
 * a time. Quiet hours are set or cleared as a pair.
 */
export class UpdatePreferencesDto {
  @ApiPropertyOptional({ example: 'Europe/Madrid' })
  @IsOptional()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/Madrid' })
  timeZone?: string;

  @ApiPropertyOptional({ enum: REMINDER_LOCALES })
  @IsOptional()
  @IsIn(REMINDER_LOCALES, { message: 'locale must be en or es' })
  locale?: ReminderLocale;

  @ApiPropertyOptional({ nullable: true, example: '09:00' })
  @IsOptional()
  @Matches(CLOCK_TIME, { message: 'reminderTime must be a time such as 09:00, or null' })
  reminderTime?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '22:00' })
  @IsOptional()
  @Matches(CLOCK_TIME, { message: 'quietHoursStart must be a time such as 22:00, or null' })
  quietHoursStart?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '07:30' })
  @IsOptional()
  @Matches(CLOCK_TIME, { message: 'quietHoursEnd must be a time such as 07:30, or null' })
  quietHoursEnd?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'emailReminders must be true or false' })
  emailReminders?: boolean;
}

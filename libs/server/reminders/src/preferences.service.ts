import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@mend/server-audit';
import { User, requestReminderReplanning } from '@mend/server-db';
import { TenantDb, type TenantContext } from '@mend/server-tenancy';
import { invalidRequest } from '@mend/server-platform';
import { timeZoneSchema } from '@mend/shared-schedule';
import type { PreferencesDto, UpdatePreferencesDto } from './preferences.dto';
import { clockTime } from './reminder-rules';

const FIELDS = [
  'timeZone',
  'locale',
  'reminderTime',
  'quietHoursStart',
  'quietHoursEnd',
  'emailReminders',
] as const;

/**
 * The fields that decide when this person's reminders go out. Language and email are read when
 * a reminder is sent, so changing them needs no re-planning.
 */
const TIMING_FIELDS: ReadonlySet<string> = new Set([
  'timeZone',
  'reminderTime',
  'quietHoursStart',
  'quietHoursEnd',
]);

/** Every role's own reminder preferences; nobody reads or sets anyone else's here. */
@Injectable()
export class PreferencesService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  async get(ctx: TenantContext): Promise<PreferencesDto> {
    return this.db.run(ctx, async (manager) => toDto(await this.own(manager, ctx)));
  }

  async update(ctx: TenantContext, body: UpdatePreferencesDto): Promise<PreferencesDto> {
    const fields: Record<string, string> = {};
    for (const name of ['timeZone', 'locale', 'emailReminders'] as const) {
      if (body[name] === null) fields[name] = 'may not be null';
    }
    if (body.timeZone && !timeZoneSchema.safeParse(body.timeZone).success) {
      fields['timeZone'] = 'timeZone must be an IANA time zone such as Europe/Madrid';
    }
    return this.db.run(ctx, async (manager) => {
      const user = await this.own(manager, ctx);
      const start =
        body.quietHoursStart === undefined ? user.quietHoursStart : body.quietHoursStart;
      const end = body.quietHoursEnd === undefined ? user.quietHoursEnd : body.quietHoursEnd;
      if ((start === null) !== (end === null)) {
        const missing = start === null ? 'quietHoursStart' : 'quietHoursEnd';
        fields[missing] = 'quiet hours need both a start and an end (or neither)';
      }
      if (Object.keys(fields).length > 0) {
        throw invalidRequest(fields);
      }
      const changes: Partial<User> = {};
      for (const name of FIELDS) {
        if (body[name] !== undefined) Object.assign(changes, { [name]: body[name] });
      }
      const changed = Object.keys(changes);
      if (changed.length > 0) {
        await manager.update(User, { clinicId: ctx.clinicId, id: ctx.userId }, changes);
        if (changed.some((name) => TIMING_FIELDS.has(name))) {
          await requestReminderReplanning(manager, ctx.clinicId, { recipientUserId: ctx.userId });
        }
        await this.audit.record(manager, ctx, {
          action: 'user.preferences_updated',
          recordType: 'user',
          recordId: ctx.userId,
          detail: { fields: changed.join(',') },
        });
      }
      return toDto(await this.own(manager, ctx));
    });
  }

  private own(manager: EntityManager, ctx: TenantContext): Promise<User> {
    return manager.findOneByOrFail(User, { clinicId: ctx.clinicId, id: ctx.userId });
  }
}

function toDto(user: User): PreferencesDto {
  return {
    timeZone: user.timeZone,
    locale: user.locale === 'es' ? 'es' : 'en',
    reminderTime: clockTime(user.reminderTime),
    quietHoursStart: clockTime(user.quietHoursStart),
    quietHoursEnd: clockTime(user.quietHoursEnd),
    emailReminders: user.emailReminders,
  };
}

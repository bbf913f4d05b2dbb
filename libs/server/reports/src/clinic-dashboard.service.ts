import { Injectable, NotFoundException } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { latestMeasureClassifications } from '@mend/server-measures';
import { invalidRequest } from '@mend/server-platform';
import { AccessService, TenantDb, type TenantContext } from '@mend/server-tenancy';
import type { AlertKind } from '@mend/shared-contracts';
import { byTherapist, engagementTotals, type CoupleEngagementRow } from './clinic-figures';
import {
  COUPLE_ENGAGEMENT_SQL,
  THERAPISTS_SQL,
  UNRESOLVED_ALERT_COUPLES_SQL,
} from './clinic-report.queries';
import type { ClinicDashboardDto, DashboardEngagementDto, FigureDto } from './clinic-dashboard.dto';
import { outcomeFigures } from './outcome-figures';

/** A dashboard period longer than this would be a report, not a glance (and a slow page). */
const MAX_DAYS = 366;

/**
 * The clinic admin's dashboard: the monthly report's figures (the same SQL and pure totals) for
 * any period, each with the couples behind it, plus outcomes from the measures' latest
 * classifications. Counts and couple ids only: no answer text, no scores.
 */
@Injectable()
export class ClinicDashboardService {
  constructor(
    private readonly db: TenantDb,
    private readonly access: AccessService,
  ) {}

  async read(
    ctx: TenantContext,
    query: { from?: unknown; to?: unknown },
  ): Promise<ClinicDashboardDto> {
    return this.db.run(ctx, async (manager) => {
      // Access first: a role refused outright hears 403 whatever it sent.
      await this.access.requireAccess(manager, ctx, 'report.clinic');
      const { from, to } = parsePeriod(query);
      const timeZone = await clinicTimeZone(manager, ctx.clinicId);
      const parameters = [ctx.clinicId, from, to, timeZone];
      const rows: CoupleEngagementRow[] = await manager.query(COUPLE_ENGAGEMENT_SQL, parameters);
      const therapists: Array<{ id: string; name: string }> = await manager.query(THERAPISTS_SQL, [
        ctx.clinicId,
      ]);
      const alerts: Array<{ kind: AlertKind; alerts: number; couple_ids: string[] }> =
        await manager.query(UNRESOLVED_ALERT_COUPLES_SQL, parameters);
      const classifications = await latestMeasureClassifications(manager, ctx.clinicId, {
        from: DateTime.fromISO(from, { zone: timeZone }).toJSDate(),
        to: DateTime.fromISO(to, { zone: timeZone }).plus({ days: 1 }).toJSDate(),
      });
      const totals = byTherapist(rows, therapists);
      return {
        from,
        to,
        couples: {
          active: figure(rows.length, rows),
          new: countCouples(rows.filter((row) => row.is_new)),
          closed: countCouples(rows.filter((row) => row.closed_in_period)),
        },
        engagement: engagement(rows),
        therapists: totals.map((therapist) => {
          const own = rows.filter((row) => row.therapist_ids.includes(therapist.therapistId));
          return {
            therapistId: therapist.therapistId,
            name: therapist.name,
            couples: countCouples(own),
            ...engagement(own),
          };
        }),
        reminders: {
          sent: sumOf(rows, 'reminders_sent'),
          failed: sumOf(rows, 'reminders_failed'),
        },
        alerts: alerts.map((row) => ({
          kind: row.kind,
          count: row.alerts,
          coupleIds: [...row.couple_ids].sort(),
        })),
        outcomes: outcomeFigures(classifications),
      };
    });
  }
}

function parsePeriod(query: { from?: unknown; to?: unknown }): { from: string; to: string } {
  const problems: Record<string, string> = {};
  const day = (field: 'from' | 'to'): string | null => {
    const value = query[field];
    if (
      typeof value !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
      !DateTime.fromISO(value, { zone: 'UTC' }).isValid
    ) {
      problems[field] = 'must be a real day, YYYY-MM-DD';
      return null;
    }
    return value;
  };
  const from = day('from');
  const to = day('to');
  if (from && to) {
    const days = DateTime.fromISO(to, { zone: 'UTC' }).diff(
      DateTime.fromISO(from, { zone: 'UTC' }),
      'days',
    ).days;
    if (days < 0) problems['to'] = 'must not be before from';
    else if (days >= MAX_DAYS) problems['to'] = `the period must be at most ${MAX_DAYS} days`;
  }
  if (!from || !to || Object.keys(problems).length > 0) {
    throw invalidRequest(problems, 'Invalid dashboard period');
  }
  return { from, to };
}

async function clinicTimeZone(manager: EntityManager, clinicId: string): Promise<string> {
  const [row] = await manager.query<Array<{ time_zone: string }>>(
    `SELECT time_zone FROM clinics WHERE id = $1`,
    [clinicId],
  );
  if (!row) throw new NotFoundException('Not found');
  return row.time_zone;
}

function figure(count: number, rows: ReadonlyArray<{ couple_id: string }>): FigureDto {
  return { count, coupleIds: rows.map((row) => row.couple_id).sort() };
}

function countCouples(rows: readonly CoupleEngagementRow[]): FigureDto {
  return figure(rows.length, rows);
}

type CountColumn = 'occurrences_due' | 'both_answered' | 'one_answered' | 'none_answered';

/** A sum over couples, with the couples that contributed to it. */
function sumOf(
  rows: readonly CoupleEngagementRow[],
  column: CountColumn | 'reminders_sent' | 'reminders_failed',
): FigureDto {
  const contributing = rows.filter((row) => row[column] > 0);
  return figure(
    contributing.reduce((sum, row) => sum + row[column], 0),
    contributing,
  );
}

function engagement(rows: readonly CoupleEngagementRow[]): DashboardEngagementDto {
  const totals = engagementTotals(rows);
  return {
    due: sumOf(rows, 'occurrences_due'),
    expectedAnswers: totals.expectedAnswers,
    answers: totals.answers,
    bothAnswered: sumOf(rows, 'both_answered'),
    oneAnswered: sumOf(rows, 'one_answered'),
    noneAnswered: sumOf(rows, 'none_answered'),
  };
}

import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@mend/server-audit';
import {
  Assignment,
  Couple,
  CouplePartner,
  Exercise,
  ExerciseVersion,
  Program,
  titleIn,
  requestReminderReplanning,
} from '@mend/server-db';
import { AccessService, TenantDb, readerLocale, type TenantContext } from '@mend/server-tenancy';
import type { CompletionMode } from '@mend/shared-exercises';
import {
  describeSchedule,
  isoDateSchema,
  localTimeSchema,
  recurrenceSchema,
  reminderPolicySchema,
  scheduleSchema,
  addDays,
  stepSchedule,
  todayIn,
  type Recurrence,
  type ReminderPolicy,
  type Schedule,
  type ScheduleLocale,
} from '@mend/shared-schedule';
import { invalidRequest, zodProblems, type FieldProblems } from '@mend/server-platform';
import { requirePolicyAcknowledged } from '@mend/server-couples';
import {
  OccurrencePlanner,
  PLANNING_WINDOW_DAYS,
  plannedDates,
} from '../occurrences/occurrence-planner.service';
import {
  selectAssignment,
  selectAssignmentPage,
  type AssignmentListQuery,
  type AssignmentRow,
} from './assignments.queries';
import type {
  AssignmentDto,
  CreateAssignmentDto,
  CreatedAssignmentDto,
  UpdateAssignmentDto,
} from './assignment.dto';

/** How far back a start date may lie: enough to record work begun on paper, not years. */
export const MAX_BACKDATE_DAYS = 90;
const OVERDUE_AFTER_MINUTES = 12 * 60;
const DUE_SOON_MINUTES = 120;

/** One assignment to create: an exercise version on a schedule. */
interface Plan {
  exerciseVersionId: string;
  completionMode: CompletionMode;
  assigneeId: string | null;
  schedule: Schedule;
}

@Injectable()
export class AssignmentsService {
  constructor(
    private readonly db: TenantDb,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly planner: OccurrencePlanner,
  ) {}

  async list(
    ctx: TenantContext,
    query: AssignmentListQuery,
  ): Promise<{ rows: AssignmentDto[]; total: number }> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'assignment.read');
      await requirePolicyAcknowledged(manager, ctx);
      const { rows, total } = await selectAssignmentPage(
        manager,
        this.access.visibleCouplesSql(ctx),
        query,
      );
      if (rows.length > 0) {
        await this.audit.record(manager, ctx, {
          action: 'assignment.list_read',
          recordType: 'assignment',
          detail: { ids: rows.map((row) => row.id) },
        });
      }
      const locale = await readerLocale(manager, ctx);
      return { rows: rows.map((row) => toAssignmentDto(row, locale)), total };
    });
  }

  async get(ctx: TenantContext, id: string): Promise<AssignmentDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'assignment.read', [id]);
      await requirePolicyAcknowledged(manager, ctx);
      await this.audit.record(manager, ctx, {
        action: 'assignment.read',
        recordType: 'assignment',
        recordId: id,
      });
      return this.load(manager, ctx, id);
    });
  }

  async create(ctx: TenantContext, body: CreateAssignmentDto): Promise<CreatedAssignmentDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'assignment.create', [body.coupleId]);
      const couple = await manager.findOneByOrFail(Couple, {
        clinicId: ctx.clinicId,
        id: body.coupleId,
      });
      if (couple.status === 'closed') {
        throw new ConflictException('This couple’s work with the clinic has ended');
      }
      const partners = await manager.findBy(CouplePartner, {
        clinicId: ctx.clinicId,
        coupleId: couple.id,
      });
      const fields: FieldProblems = {};
      const today = todayIn(couple.timeZone);
      const common = this.checkCommon(body, today, fields);
      const plans =
        body.programId !== undefined && body.exerciseId === undefined
          ? await this.planProgram(manager, ctx, body, partners, couple, common, fields)
          : await this.planExercise(manager, ctx, body, partners, couple, common, fields);
      if (Object.keys(fields).length > 0 || !plans || !common) throw invalidRequest(fields);
      if (couple.safetyPausedAt && plans.some((plan) => plan.completionMode === 'joint')) {
        throw new ConflictException(
          'Joint exercises are paused for this couple until their therapist has acted on a safety concern',
        );
      }
      const single = plans.length === 1 ? plans[0] : undefined;
      const reminderPolicy =
        common.reminderPolicy ??
        (await defaultPolicy(manager, ctx, partners, single?.assigneeId ?? null));
      const programRunId = body.programId ? randomUUID() : null;
      const ids: string[] = [];
      const until = addDays(today, PLANNING_WINDOW_DAYS);
      for (const plan of plans) {
        const assignment = manager.create(Assignment, {
          clinicId: ctx.clinicId,
          coupleId: couple.id,
          exerciseVersionId: plan.exerciseVersionId,
          programId: body.programId ?? null,
          programRunId,
          completionMode: plan.completionMode,
          assigneeUserId: plan.assigneeId,
          schedule: plan.schedule,
          reminderPolicy,
          note: body.note?.trim() || null,
          status: 'active',
          createdByUserId: ctx.userId,
        });
        await manager.insert(Assignment, assignment);
        await this.planner.planAhead(manager, ctx.clinicId, assignment.id, until);
        ids.push(assignment.id);
      }
      await this.audit.record(manager, ctx, {
        action: 'assignment.created',
        recordType: 'assignment',
        recordId: ids[0],
        detail: {
          coupleId: couple.id,
          ids,
          ...(body.programId ? { programId: body.programId, programRunId } : {}),
        },
      });
      const [first] = ids;
      if (!first) throw new Error('a program without steps');
      return { ...(await this.load(manager, ctx, first)), assignmentIds: ids };
    });
  }

  async update(ctx: TenantContext, id: string, body: UpdateAssignmentDto): Promise<AssignmentDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'assignment.update', [id]);
      const assignment = await manager.findOneByOrFail(Assignment, { clinicId: ctx.clinicId, id });
      const fields: FieldProblems = {};
      const schedule: Schedule = { ...assignment.schedule };
      if (body.dueTime !== undefined) {
        const parsed = localTimeSchema.safeParse(body.dueTime);
        if (parsed.success) schedule.dueTime = parsed.data;
        else fields.dueTime = 'Expected a time as HH:mm';
      }
      if (body.endDate !== undefined) {
        if (body.endDate === null) delete schedule.endDate;
        else if (isoDateSchema.safeParse(body.endDate).success) schedule.endDate = body.endDate;
        else fields.endDate = 'Expected a date as YYYY-MM-DD';
      }
      if (schedule.endDate !== undefined && schedule.endDate < schedule.startDate) {
        fields.endDate ??= 'The end date must not be before the start date';
      }
      let reminderPolicy: ReminderPolicy | undefined;
      if (body.reminderPolicy !== undefined) {
        const parsed = reminderPolicySchema.strict().safeParse(body.reminderPolicy);
        if (parsed.success) reminderPolicy = parsed.data;
        else zodProblems(fields, 'reminderPolicy', parsed.error.issues);
      }
      if (Object.keys(fields).length > 0) throw invalidRequest(fields);
      const status = body.status ?? assignment.status;
      if (assignment.status === 'ended' && status !== 'ended') {
        throw new ConflictException('An ended assignment cannot restart; assign it again');
      }
      const now = new Date();
      const changes: Partial<Assignment> = { schedule };
      if (body.note !== undefined) changes.note = body.note?.trim() || null;
      if (reminderPolicy) changes.reminderPolicy = reminderPolicy;
      if (status !== assignment.status) {
        changes.status = status;
        if (status === 'paused') changes.pausedAt = now;
        if (status === 'ended') changes.endedAt = now;
        if (status === 'active') changes.pausedAt = null;
      }
      await manager.update(Assignment, { clinicId: ctx.clinicId, id }, changes);
      const moved =
        schedule.dueTime !== assignment.schedule.dueTime
          ? await this.moveDueTimes(manager, ctx, id, schedule, now)
          : 0;
      const counts = await this.reconcile(manager, ctx, id, status, schedule, now);
      if (reminderPolicy || status !== assignment.status || moved > 0 || counts.cancelled > 0) {
        // Planned reminders follow the new policy and due times, or are withdrawn.
        await requestReminderReplanning(manager, ctx.clinicId, { assignmentId: id });
      }
      await this.audit.record(manager, ctx, {
        action: 'assignment.updated',
        recordType: 'assignment',
        recordId: id,
        detail: { fields: Object.keys(body), status, moved, ...counts },
      });
      return this.load(manager, ctx, id);
    });
  }

  /**
   * Brings the future in line with the assignment: a paused or ended one has no open future
   * occurrence; an active one has every future date up to its end open and planned ahead.
   * The past (and every answer) is left as it is.
   */
  private async reconcile(
    manager: EntityManager,
    ctx: TenantContext,
    id: string,
    status: Assignment['status'],
    schedule: Schedule,
    now: Date,
  ): Promise<{ cancelled: number; reopened: number; planned: number }> {
    const base = [ctx.clinicId, id, now.toISOString()];
    if (status !== 'active') {
      const cancelled: unknown[] = await manager.query(
        `UPDATE occurrences SET status = 'cancelled'
          WHERE clinic_id = $1 AND assignment_id = $2 AND status = 'open' AND due_at > $3
          RETURNING id`,
        base,
      );
      return { cancelled: cancelled.length, reopened: 0, planned: 0 };
    }
    const end = schedule.endDate ?? '9999-12-31';
    const [cancelled, reopened] = await Promise.all([
      manager.query<unknown[]>(
        `UPDATE occurrences SET status = 'cancelled'
          WHERE clinic_id = $1 AND assignment_id = $2 AND status = 'open' AND due_at > $3
            AND local_date > $4::date
          RETURNING id`,
        [...base, end],
      ),
      manager.query<unknown[]>(
        `UPDATE occurrences SET status = 'open'
          WHERE clinic_id = $1 AND assignment_id = $2 AND status = 'cancelled' AND due_at > $3
            AND local_date <= $4::date
          RETURNING id`,
        [...base, end],
      ),
    ]);
    const today = todayIn(schedule.timeZone, now);
    const planned = await this.planner.planAhead(
      manager,
      ctx.clinicId,
      id,
      this.planner.windowEnd(schedule, now),
      { from: today },
    );
    return { cancelled: cancelled.length, reopened: reopened.length, planned };
  }

  /** A new due time applies to every occurrence still ahead; those already due keep theirs. */
  private async moveDueTimes(
    manager: EntityManager,
    ctx: TenantContext,
    id: string,
    schedule: Schedule,
    now: Date,
  ): Promise<number> {
    const ahead = await manager.query<Array<{ id: string; local_date: string }>>(
      `SELECT id, local_date::text AS local_date FROM occurrences
        WHERE clinic_id = $1 AND assignment_id = $2 AND status IN ('open', 'cancelled')
          AND due_at > $3`,
      [ctx.clinicId, id, now.toISOString()],
    );
    if (ahead.length === 0) return 0;
    const dates = ahead.map((row) => row.local_date).sort();
    const first = dates[0] ?? schedule.startDate;
    const last = dates[dates.length - 1] ?? first;
    // Every date listed was planned from this schedule, so it still matches the recurrence.
    const dueAt = new Map(
      plannedDates({ ...schedule, startDate: first, endDate: last }, first, last).map((o) => [
        o.localDate,
        o.dueAt,
      ]),
    );
    const moves = ahead.filter((row) => dueAt.has(row.local_date));
    await manager.query(
      `UPDATE occurrences o SET due_at = m.due_at
         FROM unnest($3::uuid[], $4::timestamptz[]) AS m(id, due_at)
        WHERE o.clinic_id = $1 AND o.assignment_id = $2 AND o.id = m.id`,
      [
        ctx.clinicId,
        id,
        moves.map((row) => row.id),
        moves.map((row) => dueAt.get(row.local_date)?.toISOString()),
      ],
    );
    return moves.length;
  }

  /** Body checks shared by exercises and programs; null when something is wrong. */
  private checkCommon(
    body: CreateAssignmentDto,
    today: string,
    fields: FieldProblems,
  ): { startDate: string; dueTime: string; reminderPolicy: ReminderPolicy | null } | null {
    if ((body.exerciseId === undefined) === (body.programId === undefined)) {
      fields.exerciseId = 'Give either exerciseId or programId, not both';
    }
    const start = isoDateSchema.safeParse(body.startDate);
    if (!start.success) fields.startDate = 'Expected a date as YYYY-MM-DD';
    else if (body.startDate < addDays(today, -MAX_BACKDATE_DAYS)) {
      fields.startDate = `Start no more than ${MAX_BACKDATE_DAYS} days in the past`;
    }
    if (!localTimeSchema.safeParse(body.dueTime).success) {
      fields.dueTime = 'Expected a time as HH:mm';
    }
    let reminderPolicy: ReminderPolicy | null = null;
    if (body.reminderPolicy !== undefined) {
      const parsed = reminderPolicySchema.strict().safeParse(body.reminderPolicy);
      if (parsed.success) reminderPolicy = parsed.data;
      else zodProblems(fields, 'reminderPolicy', parsed.error.issues);
    }
    if (Object.keys(fields).length > 0) return null;
    return { startDate: body.startDate, dueTime: body.dueTime, reminderPolicy };
  }

  private async planExercise(
    manager: EntityManager,
    ctx: TenantContext,
    body: CreateAssignmentDto,
    partners: CouplePartner[],
    couple: Couple,
    common: { startDate: string; dueTime: string } | null,
    fields: FieldProblems,
  ): Promise<Plan[] | null> {
    let version: ExerciseVersion | null = null;
    if (body.exerciseId !== undefined) {
      version = await currentVersion(manager, ctx, body.exerciseId);
      if (!version) fields.exerciseId = 'There is no such exercise in this clinic’s library';
    }
    const mode = body.completionMode;
    if (mode === undefined) fields.completionMode = 'Choose each, joint or one';
    else if (version && !version.definition.completionModes.includes(mode)) {
      fields.completionMode = `This exercise can be done in these modes only: ${version.definition.completionModes.join(', ')}`;
    }
    const assigneeId = checkAssignee(body.assigneeId, mode === 'one', partners, fields);
    let recurrence: Recurrence | null = null;
    if (body.recurrence === undefined) fields.recurrence = 'Choose how often it repeats';
    else {
      const parsed = recurrenceSchema.safeParse(body.recurrence);
      if (parsed.success) recurrence = parsed.data;
      else zodProblems(fields, 'recurrence', parsed.error.issues);
    }
    if (body.endDate !== undefined && !isoDateSchema.safeParse(body.endDate).success) {
      fields.endDate = 'Expected a date as YYYY-MM-DD';
    }
    if (!common || !version || !mode || !recurrence || Object.keys(fields).length > 0) return null;
    const parsed = scheduleSchema.safeParse({
      timeZone: couple.timeZone,
      startDate: common.startDate,
      ...(body.endDate === undefined ? {} : { endDate: body.endDate }),
      dueTime: common.dueTime,
      recurrence,
    });
    if (!parsed.success) {
      zodProblems(fields, '', parsed.error.issues);
      return null;
    }
    return [
      { exerciseVersionId: version.id, completionMode: mode, assigneeId, schedule: parsed.data },
    ];
  }

  private async planProgram(
    manager: EntityManager,
    ctx: TenantContext,
    body: CreateAssignmentDto,
    partners: CouplePartner[],
    couple: Couple,
    common: { startDate: string; dueTime: string } | null,
    fields: FieldProblems,
  ): Promise<Plan[] | null> {
    const fromSteps = 'comes from the program’s steps; leave it out';
    if (body.completionMode !== undefined) fields.completionMode = fromSteps;
    if (body.recurrence !== undefined) fields.recurrence = fromSteps;
    if (body.endDate !== undefined) fields.endDate = fromSteps;
    const program = await manager.findOneBy(Program, {
      clinicId: ctx.clinicId,
      id: body.programId,
    });
    if (!program) {
      fields.programId = 'There is no such program in this clinic';
      return null;
    }
    const needsAssignee = program.steps.some((step) => step.completionMode === 'one');
    const assigneeId = checkAssignee(body.assigneeId, needsAssignee, partners, fields);
    const versions = new Map<string, ExerciseVersion>();
    for (const step of program.steps) {
      if (versions.has(step.exerciseId)) continue;
      const version = await currentVersion(manager, ctx, step.exerciseId);
      if (!version || !version.definition.completionModes.includes(step.completionMode)) {
        fields.programId = 'This program names an exercise that is archived or no longer fits';
        return null;
      }
      versions.set(step.exerciseId, version);
    }
    if (!common || Object.keys(fields).length > 0) return null;
    const other = partners.find((partner) => partner.userId !== assigneeId)?.userId ?? null;
    return program.steps.map((step) => ({
      exerciseVersionId: versions.get(step.exerciseId)?.id ?? '',
      completionMode: step.completionMode,
      assigneeId:
        step.completionMode !== 'one'
          ? null
          : step.suggestedPartner === 'hurt_partner'
            ? other
            : assigneeId,
      schedule: stepSchedule(step, couple.timeZone, common.startDate, common.dueTime),
    }));
  }

  private async load(
    manager: EntityManager,
    ctx: TenantContext,
    id: string,
  ): Promise<AssignmentDto> {
    const row = await selectAssignment(manager, ctx.clinicId, id);
    if (!row) throw new NotFoundException('Not found');
    return toAssignmentDto(row, await readerLocale(manager, ctx));
  }
}

function checkAssignee(
  assigneeId: string | undefined,
  required: boolean,
  partners: CouplePartner[],
  fields: FieldProblems,
): string | null {
  if (!required) {
    if (assigneeId !== undefined) {
      fields.assigneeId = 'Name a partner only when one partner does the exercise';
    }
    return null;
  }
  if (assigneeId === undefined) {
    fields.assigneeId = 'Name the partner who does this exercise';
    return null;
  }
  if (!partners.some((partner) => partner.userId === assigneeId)) {
    fields.assigneeId = 'Must be one of the couple’s partners';
    return null;
  }
  return assigneeId;
}

async function currentVersion(
  manager: EntityManager,
  ctx: TenantContext,
  exerciseId: string,
): Promise<ExerciseVersion | null> {
  const exercise = await manager.findOneBy(Exercise, { clinicId: ctx.clinicId, id: exerciseId });
  if (!exercise || exercise.archivedAt) return null;
  return manager.findOneBy(ExerciseVersion, {
    clinicId: ctx.clinicId,
    exerciseId,
    version: exercise.currentVersion,
  });
}

/**
 * Due-soon at the reminder time the answering partners have set (when they agree on one),
 * otherwise two hours before; overdue twelve hours after.
 */
async function defaultPolicy(
  manager: EntityManager,
  ctx: TenantContext,
  partners: CouplePartner[],
  answering: string | null,
): Promise<ReminderPolicy> {
  const ids = answering ? [answering] : partners.map((partner) => partner.userId);
  const rows = await manager.query<Array<{ reminder_time: string | null }>>(
    `SELECT to_char(reminder_time, 'HH24:MI') AS reminder_time FROM users
      WHERE clinic_id = $1 AND id = ANY($2::uuid[])`,
    [ctx.clinicId, ids],
  );
  const times = new Set(rows.map((row) => row.reminder_time));
  const [time] = [...times];
  const dueSoon: ReminderPolicy['dueSoon'] =
    times.size === 1 && time
      ? { kind: 'at_local_time', time }
      : { kind: 'before_due', minutes: DUE_SOON_MINUTES };
  return { dueSoon, overdueAfterMinutes: OVERDUE_AFTER_MINUTES };
}

function toAssignmentDto(row: AssignmentRow, locale: ScheduleLocale): AssignmentDto {
  return {
    id: row.id,
    coupleId: row.couple_id,
    exerciseId: row.exercise_id,
    exerciseVersionId: row.exercise_version_id,
    exerciseVersion: row.version,
    exerciseTitle: titleIn(row.title, row.titles, locale),
    exerciseTheme: row.theme,
    programId: row.program_id,
    programRunId: row.program_run_id,
    completionMode: row.completion_mode,
    assigneeId: row.assignee_user_id,
    schedule: row.schedule,
    scheduleDescription: describeSchedule(row.schedule, locale, {
      today: todayIn(row.schedule.timeZone),
    }),
    reminderPolicy: row.reminder_policy,
    note: row.note,
    status: row.status,
    plannedUntil: row.planned_until,
    createdAt: row.created_at.toISOString(),
    pausedAt: row.paused_at?.toISOString() ?? null,
    endedAt: row.ended_at?.toISOString() ?? null,
  };
}

import { ForbiddenException, HttpException, Injectable, NotFoundException } from '@nestjs/common';
import { In, Not, type EntityManager } from 'typeorm';
import { User } from '@mend/server-db';
import type { UserRole } from '@mend/shared-contracts';
import type { TenantContext } from '../tenant-context';

/** Records whose access follows the couple they belong to, and the table that holds each. */
const COUPLE_RECORD_TABLES = {
  couple: 'couples',
  assignment: 'assignments',
  occurrence: 'occurrences',
  response: 'responses',
  promise: 'promises',
  alert: 'alerts',
  safety_flag: 'safety_flags',
} as const;
type CoupleRecordKind = keyof typeof COUPLE_RECORD_TABLES;

interface Rule {
  /** Roles that may ever do this; anyone else gets 403. */
  roles: readonly UserRole[];
  /** When set, the ids are records of this kind and the user must be able to see their couple. */
  record?: CoupleRecordKind;
}

const STAFF = ['clinic_admin', 'therapist'] as const;
const EVERYONE = ['clinic_admin', 'therapist', 'client'] as const;
const ADMIN = ['clinic_admin'] as const;

/**
 * Every permission and its rule. A permission without a rule does not compile, so nothing is
 * allowed by omission.
 */
const RULES = {
  'clinic.read': { roles: EVERYONE },
  'clinic.update': { roles: ADMIN },
  'audit.search': { roles: ADMIN },
  'user.list': { roles: STAFF },
  'user.read': { roles: EVERYONE },
  'user.invite': { roles: ADMIN },
  'user.update': { roles: ADMIN },
  'user.deactivate': { roles: ADMIN },
  'couple.list': { roles: EVERYONE },
  'couple.read': { roles: EVERYONE, record: 'couple' },
  'couple.create': { roles: STAFF },
  'couple.update': { roles: STAFF, record: 'couple' },
  'couple.reassign': { roles: ADMIN, record: 'couple' },
  'couple.acknowledge_policy': { roles: ['client'], record: 'couple' },
  'exercise.read': { roles: STAFF },
  'exercise.write': { roles: STAFF },
  'program.read': { roles: STAFF },
  'assignment.read': { roles: EVERYONE, record: 'assignment' },
  'assignment.create': { roles: STAFF, record: 'couple' },
  'assignment.update': { roles: STAFF, record: 'assignment' },
  'occurrence.read': { roles: EVERYONE, record: 'occurrence' },
  'response.write': { roles: ['client'], record: 'occurrence' },
  'response.read': { roles: EVERYONE, record: 'response' },
  'response.confirm': { roles: ['client'], record: 'response' },
  'response.review': { roles: ['therapist'], record: 'response' },
  'promise.create': { roles: ['client'], record: 'couple' },
  'promise.read': { roles: EVERYONE, record: 'promise' },
  'promise.confirm': { roles: ['client'], record: 'promise' },
  'safety.raise': { roles: ['client'], record: 'couple' },
  'safety.read': { roles: STAFF, record: 'safety_flag' },
  'safety.resolve': { roles: ['therapist'], record: 'safety_flag' },
  'alert.list': { roles: STAFF },
  'alert.read': { roles: STAFF, record: 'alert' },
  'alert.update': { roles: STAFF, record: 'alert' },
  'progress.read': { roles: STAFF, record: 'couple' },
  'caseload.read': { roles: STAFF },
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof RULES;
export const PERMISSIONS = Object.keys(RULES) as Permission[];

const NOT_FOUND = 'Not found';

/**
 * requireAccess's refusal: exactly the 403 or 404 it replaces (status and body), carrying what
 * was asked for so the refusal can be audited.
 */
export class AccessRefusedException extends HttpException {
  constructor(
    refusal: HttpException,
    readonly permission: Permission,
    readonly ids: readonly string[],
  ) {
    super(refusal.getResponse(), refusal.getStatus());
  }
}

/**
 * The one place that decides who may do what, denying by default (SECURITY.md):
 * - a role that may never do something gets 403;
 * - a record the user may not see answers 404, exactly like one that does not exist, so ids
 *   of other clinics' (or other couples') records reveal nothing.
 * Row-level security already hides other clinics; these rules are the record-level layer:
 * admins reach every couple of their clinic, therapists the couples assigned to them, clients
 * their own couple. What a client may see inside a couple (visibility) is the services' job.
 */
@Injectable()
export class AccessService {
  async requireAccess(
    manager: EntityManager,
    ctx: TenantContext,
    permission: Permission,
    ids: readonly string[] = [],
  ): Promise<void> {
    try {
      await this.check(manager, ctx, permission, ids);
    } catch (error) {
      // Same answer, marked as a refusal so that it is audited (outside this transaction,
      // which the refusal rolls back).
      if (error instanceof ForbiddenException || error instanceof NotFoundException) {
        throw new AccessRefusedException(error, permission, ids);
      }
      throw error;
    }
  }

  private async check(
    manager: EntityManager,
    ctx: TenantContext,
    permission: Permission,
    ids: readonly string[],
  ): Promise<void> {
    const rule: Rule = RULES[permission];
    if (!rule.roles.includes(ctx.role)) {
      throw new ForbiddenException('Your role does not allow this');
    }
    if (rule.record) {
      const coupleIds = await this.couplesOf(manager, ctx, rule.record, ids);
      await this.requireCouples(manager, ctx, coupleIds);
      return;
    }
    // People are not couple records: who may see whom has rules of its own.
    if (permission === 'user.read') return this.requireVisibleUsers(manager, ctx, ids);
    if (permission === 'user.update' || permission === 'user.deactivate') {
      return requireUsers(manager, ctx, ids, {});
    }
  }

  /**
   * The couples a user may see, as SQL for a `couple_id IN (…)` filter: lists use it so a
   * list never shows what a get would refuse. Parameters are $1 (clinic) and $2 (user).
   */
  visibleCouplesSql(ctx: TenantContext): { sql: string; parameters: [string, string] } {
    const parameters: [string, string] = [ctx.clinicId, ctx.userId];
    switch (ctx.role) {
      case 'clinic_admin':
        // $2 is referenced so that every variant takes the same two parameters.
        return {
          sql: `SELECT id FROM couples WHERE clinic_id = $1 AND $2::uuid IS NOT NULL`,
          parameters,
        };
      case 'therapist':
        return {
          sql: `SELECT couple_id FROM couple_therapists WHERE clinic_id = $1 AND therapist_user_id = $2`,
          parameters,
        };
      case 'client':
        return {
          sql: `SELECT couple_id FROM couple_partners WHERE clinic_id = $1 AND user_id = $2`,
          parameters,
        };
    }
  }

  private async couplesOf(
    manager: EntityManager,
    ctx: TenantContext,
    kind: CoupleRecordKind,
    ids: readonly string[],
  ): Promise<string[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const column = kind === 'couple' ? 'id' : 'couple_id';
    const rows: Array<{ id: string; couple_id: string }> = await manager.query(
      `SELECT id, ${column} AS couple_id FROM ${COUPLE_RECORD_TABLES[kind]}
        WHERE clinic_id = $1 AND id = ANY($2::uuid[])`,
      [ctx.clinicId, unique],
    );
    if (rows.length !== unique.length) throw new NotFoundException(NOT_FOUND);
    return [...new Set(rows.map((row) => row.couple_id))];
  }

  private async requireCouples(
    manager: EntityManager,
    ctx: TenantContext,
    coupleIds: readonly string[],
  ): Promise<void> {
    if (coupleIds.length === 0) return;
    const visible = this.visibleCouplesSql(ctx);
    const [row]: Array<{ count: string }> = await manager.query(
      `SELECT count(*) AS count FROM (${visible.sql}) v(couple_id) WHERE couple_id = ANY($3::uuid[])`,
      [...visible.parameters, coupleIds],
    );
    if (Number(row?.count) !== coupleIds.length) throw new NotFoundException(NOT_FOUND);
  }

  private async requireVisibleUsers(
    manager: EntityManager,
    ctx: TenantContext,
    ids: readonly string[],
  ): Promise<void> {
    if (ctx.role === 'clinic_admin') return requireUsers(manager, ctx, ids, {});
    const others = ids.filter((id) => id !== ctx.userId);
    if (others.length === 0) return;
    // Therapists see their colleagues and the partners of their couples; clients see their
    // partner. Everyone else answers 404.
    const visible = this.visibleCouplesSql(ctx);
    const rows: Array<{ user_id: string }> = await manager.query(
      `SELECT p.user_id FROM couple_partners p
        WHERE p.clinic_id = $1 AND p.couple_id IN (${visible.sql})
          AND p.user_id = ANY($3::uuid[])`,
      [...visible.parameters, others],
    );
    const partnerIds = new Set(rows.map((row) => row.user_id));
    const rest = others.filter((id) => !partnerIds.has(id));
    if (rest.length === 0) return;
    if (ctx.role === 'therapist') {
      return requireUsers(manager, ctx, rest, { role: Not('client' as const) });
    }
    throw new NotFoundException(NOT_FOUND);
  }
}

async function requireUsers(
  manager: EntityManager,
  ctx: TenantContext,
  ids: readonly string[],
  where: { role?: ReturnType<typeof Not<UserRole>> },
): Promise<void> {
  if (ids.length === 0) return;
  const found = await manager.countBy(User, { clinicId: ctx.clinicId, id: In([...ids]), ...where });
  if (found !== new Set(ids).size) throw new NotFoundException(NOT_FOUND);
}

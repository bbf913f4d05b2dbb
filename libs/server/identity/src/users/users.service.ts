import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { In, IsNull, Not, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { AuditService } from '@mend/server-audit';
import { Clinic, Session, User } from '@mend/server-db';
import {
  SqlBuilder,
  asArray,
  containsPattern,
  idOrIds,
  inOrderOf,
  listSpec,
  type ListQueryOf,
  type SortColumns,
  invalidRequest,
} from '@mend/server-platform';
import {
  AccessService,
  TenantDb,
  type TenantContext,
  requireVerifiedClinic,
} from '@mend/server-tenancy';
import { USER_ROLES, USER_STATUSES } from '@mend/shared-contracts';
import { AccountEmailsService } from '../tokens/account-emails.service';
import { UserTokensService } from '../tokens/user-tokens.service';
import type { InviteStaffDto, InvitedUserDto, UpdateUserDto, UserDto } from './user.dto';

export const USER_LIST = listSpec({
  sortable: ['displayName', 'email', 'role', 'status', 'createdAt'],
  defaultSort: ['displayName', 'ASC'],
  filter: z.strictObject({
    id: idOrIds.optional(),
    role: z.enum(USER_ROLES).optional(),
    status: z.enum(USER_STATUSES).optional(),
    /** Matches name or email, case-insensitively. */
    q: z.string().min(1).max(100).optional(),
  }),
});
type UserListQuery = ListQueryOf<typeof USER_LIST>;

const SORT_COLUMNS: SortColumns<UserListQuery['sort']> = {
  displayName: 'u.display_name',
  email: 'u.email',
  role: 'u.role',
  status: 'u.status',
  createdAt: 'u.created_at',
  id: 'u.id',
};

@Injectable()
export class UsersService {
  constructor(
    private readonly db: TenantDb,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly tokens: UserTokensService,
    private readonly emails: AccountEmailsService,
  ) {}

  async list(
    ctx: TenantContext,
    query: UserListQuery,
  ): Promise<{ rows: UserDto[]; total: number }> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'user.list');
      const sql = new SqlBuilder(ctx.clinicId).where('u.clinic_id = $1');
      // Therapists list colleagues; their couples' partners come with the couples.
      if (ctx.role === 'therapist') sql.where(`u.role <> 'client'`);
      const { id, role, status, q } = query.filter;
      if (id) sql.where((p) => `u.id = ANY(${p}::uuid[])`, asArray(id));
      if (role) sql.where((p) => `u.role = ${p}`, role);
      if (status) sql.where((p) => `u.status = ${p}`, status);
      if (q)
        sql.where((p) => `(u.display_name ILIKE ${p} OR u.email ILIKE ${p})`, containsPattern(q));
      const { ids, total } = await sql.idPage(manager, 'users u', SORT_COLUMNS, query);
      const users = inOrderOf(
        ids,
        await manager.findBy(User, { clinicId: ctx.clinicId, id: In(ids) }),
      );
      const clientIds = users.filter((u) => u.role === 'client').map((u) => u.id);
      if (clientIds.length > 0) {
        await this.audit.record(manager, ctx, {
          action: 'user.list_read',
          recordType: 'user',
          detail: { ids: clientIds },
        });
      }
      return { rows: users.map(toUserDto), total };
    });
  }

  async get(ctx: TenantContext, id: string): Promise<UserDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'user.read', [id]);
      const user = await this.find(manager, ctx, id);
      if (user.role === 'client') {
        await this.audit.record(manager, ctx, {
          action: 'user.read',
          recordType: 'user',
          recordId: id,
        });
      }
      return toUserDto(user);
    });
  }

  /** Invites a therapist or admin: an invited account and an emailed single-use link. */
  async inviteStaff(ctx: TenantContext, body: InviteStaffDto): Promise<InvitedUserDto> {
    const invited = await this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'user.invite');
      await requireVerifiedClinic(manager, ctx);
      const email = body.email.toLowerCase();
      if (await manager.existsBy(User, { clinicId: ctx.clinicId, email })) {
        throw new ConflictException({
          message: 'Someone in this clinic already uses that email',
          fields: { email: 'already in use in this clinic' },
        });
      }
      const clinic = await manager.findOneByOrFail(Clinic, { id: ctx.clinicId });
      const user = manager.create(User, {
        clinicId: ctx.clinicId,
        email,
        displayName: body.displayName,
        role: body.role,
        status: 'invited',
        locale: body.locale ?? 'en',
        timeZone: clinic.timeZone,
      });
      await manager.insert(User, user);
      const saved = await this.find(manager, ctx, user.id);
      const link = await this.tokens.issue(manager, saved, 'invitation', ctx.userId);
      const inviter = await this.find(manager, ctx, ctx.userId);
      await this.audit.record(manager, ctx, {
        action: 'user.invited',
        recordType: 'user',
        recordId: saved.id,
        detail: { role: saved.role },
      });
      return { user: saved, clinic, inviter, link };
    });
    const sent = await this.emails.sendInvitation(
      invited.user,
      invited.clinic,
      invited.inviter.displayName,
      invited.link,
    );
    return { ...toUserDto(invited.user), invitationSent: sent };
  }

  async resendInvitation(ctx: TenantContext, id: string): Promise<InvitedUserDto> {
    const invited = await this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'user.invite');
      await requireVerifiedClinic(manager, ctx);
      await this.access.requireAccess(manager, ctx, 'user.update', [id]);
      const user = await this.find(manager, ctx, id);
      if (user.status !== 'invited') {
        throw new ConflictException('This person has already joined');
      }
      const clinic = await manager.findOneByOrFail(Clinic, { id: ctx.clinicId });
      const inviter = await this.find(manager, ctx, ctx.userId);
      const link = await this.tokens.issue(manager, user, 'invitation', ctx.userId);
      await this.audit.record(manager, ctx, {
        action: 'user.invitation_resent',
        recordType: 'user',
        recordId: id,
      });
      return { user, clinic, inviter, link };
    });
    const sent = await this.emails.sendInvitation(
      invited.user,
      invited.clinic,
      invited.inviter.displayName,
      invited.link,
    );
    return { ...toUserDto(invited.user), invitationSent: sent };
  }

  async update(ctx: TenantContext, id: string, body: UpdateUserDto): Promise<UserDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'user.update', [id]);
      const user = await this.find(manager, ctx, id);
      if (body.role && user.role === 'client') {
        throw invalidRequest(
          { role: 'clients stay clients' },
          'A client cannot be given a staff role',
        );
      }
      if (body.role && body.role !== 'clinic_admin' && id === ctx.userId) {
        throw invalidRequest(
          { role: 'ask another admin to change it' },
          'You cannot remove your own admin role',
        );
      }
      const changes = {
        ...(body.displayName === undefined ? {} : { displayName: body.displayName }),
        ...(body.role === undefined ? {} : { role: body.role }),
      };
      if (Object.keys(changes).length > 0) {
        await manager.update(User, { clinicId: ctx.clinicId, id }, changes);
      }
      const roleChanged = body.role !== undefined && body.role !== user.role;
      const sessionsEnded = roleChanged ? await endOtherSessions(manager, user) : 0;
      await this.audit.record(manager, ctx, {
        action: 'user.updated',
        recordType: 'user',
        recordId: id,
        detail: { fields: Object.keys(changes), ...(roleChanged ? { sessionsEnded } : {}) },
      });
      return toUserDto(await this.find(manager, ctx, id));
    });
  }

  /** Deactivation is immediate: every session of the person ends now. */
  async deactivate(ctx: TenantContext, id: string): Promise<UserDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'user.deactivate', [id]);
      if (id === ctx.userId) {
        throw invalidRequest({ id: 'ask another admin' }, 'You cannot deactivate yourself');
      }
      await manager.update(User, { clinicId: ctx.clinicId, id }, { status: 'deactivated' });
      const revoked = await manager.update(
        Session,
        { clinicId: ctx.clinicId, userId: id, revokedAt: IsNull() },
        { revokedAt: new Date(), revokedReason: 'deactivated' },
      );
      await this.audit.record(manager, ctx, {
        action: 'user.deactivated',
        recordType: 'user',
        recordId: id,
        detail: { sessionsEnded: revoked.affected ?? 0 },
      });
      return toUserDto(await this.find(manager, ctx, id));
    });
  }

  private async find(manager: EntityManager, ctx: TenantContext, id: string): Promise<User> {
    const user = await manager.findOneBy(User, { clinicId: ctx.clinicId, id });
    if (!user) throw new NotFoundException('Not found');
    return user;
  }
}

/**
 * After a role change the person keeps only the device they used last (the session guard reads
 * the new role from their row at its next request); every other session ends, so no forgotten
 * device goes on under a role that was granted for different work.
 */
async function endOtherSessions(manager: EntityManager, user: User): Promise<number> {
  const latest = await manager.findOne(Session, {
    where: { clinicId: user.clinicId, userId: user.id, revokedAt: IsNull() },
    order: { lastSeenAt: 'DESC', createdAt: 'DESC' },
  });
  if (!latest) return 0;
  const ended = await manager.update(
    Session,
    { clinicId: user.clinicId, userId: user.id, revokedAt: IsNull(), id: Not(latest.id) },
    { revokedAt: new Date(), revokedReason: 'role_changed' },
  );
  return ended.affected ?? 0;
}

export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    status: user.status,
    locale: user.locale,
    timeZone: user.timeZone,
    mfaEnabled: user.mfaEnabledAt !== null,
    createdAt: user.createdAt.toISOString(),
  };
}

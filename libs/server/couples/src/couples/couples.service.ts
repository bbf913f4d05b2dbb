import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { In, IsNull, type EntityManager } from 'typeorm';
import { AuditService } from '@mend/server-audit';
import {
  Clinic,
  Couple,
  CouplePartner,
  CoupleTherapist,
  User,
  requestReminderReplanning,
} from '@mend/server-db';
import { AccountEmailsService, UserTokensService, type IssuedToken } from '@mend/server-identity';
import { invalidRequest } from '@mend/server-platform';
import {
  AccessService,
  TenantDb,
  type TenantContext,
  requireVerifiedClinic,
} from '@mend/server-tenancy';
import type { CoupleStatus, PartnerSeat } from '@mend/shared-contracts';
import { policyVersion } from '../policy/require-policy-acknowledged';
import type {
  CoupleDto,
  CreateCoupleDto,
  CreatedCoupleDto,
  NewPartnerDto,
  PolicyAcknowledgementDto,
  ReassignTherapistsDto,
  UpdateCoupleDto,
} from './couple.dto';
import { selectCouplePage, type CoupleListQuery } from './couples.queries';

/**
 * The moves staff may make. `invited → active` is not among them: a couple becomes active by
 * itself once both partners have joined and accepted the secrets policy. Reopening asks for
 * `active`, and lands on `invited` while a partner has still to do so.
 */
const STAFF_TRANSITIONS: Record<CoupleStatus, readonly CoupleStatus[]> = {
  invited: ['closed'],
  active: ['paused', 'closed'],
  paused: ['active', 'closed'],
  closed: ['active'],
};

interface Invitation {
  user: User;
  issued: IssuedToken;
}

@Injectable()
export class CouplesService {
  constructor(
    private readonly db: TenantDb,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly tokens: UserTokensService,
    private readonly emails: AccountEmailsService,
  ) {}

  async list(
    ctx: TenantContext,
    query: CoupleListQuery,
  ): Promise<{ rows: CoupleDto[]; total: number }> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'couple.list');
      const { ids, total } = await selectCouplePage(
        manager,
        this.access.visibleCouplesSql(ctx),
        query,
      );
      const couples = await this.load(manager, ctx, ids);
      if (ids.length > 0) {
        await this.audit.record(manager, ctx, {
          action: 'couple.list_read',
          recordType: 'couple',
          detail: { ids },
        });
      }
      return { rows: couples, total };
    });
  }

  async get(ctx: TenantContext, id: string): Promise<CoupleDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'couple.read', [id]);
      const [couple] = await this.load(manager, ctx, [id]);
      if (!couple) throw new NotFoundException('Not found');
      await this.audit.record(manager, ctx, {
        action: 'couple.read',
        recordType: 'couple',
        recordId: id,
      });
      return couple;
    });
  }

  /**
   * Creates the couple and invites both partners as clients. The emails go out after the
   * transaction commits; a failed send is reported (invitationsSent: false), not undone.
   */
  async create(ctx: TenantContext, body: CreateCoupleDto): Promise<CreatedCoupleDto> {
    const created = await this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'couple.create');
      await requireVerifiedClinic(manager, ctx);
      const emailA = body.partnerA.email.toLowerCase();
      const emailB = body.partnerB.email.toLowerCase();
      if (emailA === emailB) {
        throw invalidRequest(
          { 'partnerB.email': 'must differ from partner A’s email' },
          'Each partner needs their own email',
        );
      }
      const therapistIds = this.therapistsFor(ctx, body.therapistIds);
      await this.requireActiveTherapists(manager, ctx, therapistIds);
      const taken = await manager.find(User, {
        where: { clinicId: ctx.clinicId, email: In([emailA, emailB]) },
        select: { email: true },
      });
      if (taken.length > 0) {
        const takenEmails = new Set(taken.map((user) => user.email));
        const fields: Record<string, string> = {};
        if (takenEmails.has(emailA)) fields['partnerA.email'] = 'already in use in this clinic';
        if (takenEmails.has(emailB)) fields['partnerB.email'] = 'already in use in this clinic';
        throw new ConflictException({
          message: 'Someone in this clinic already uses that email',
          fields,
        });
      }
      const clinic = await manager.findOneByOrFail(Clinic, { id: ctx.clinicId });
      const inviter = await manager.findOneByOrFail(User, {
        clinicId: ctx.clinicId,
        id: ctx.userId,
      });
      const couple = manager.create(Couple, {
        clinicId: ctx.clinicId,
        label: body.label ?? defaultLabel(body.partnerA, body.partnerB),
        status: 'invited',
        timeZone: body.timeZone ?? body.partnerA.timeZone,
        createdByUserId: ctx.userId,
      });
      await manager.insert(Couple, couple);
      const invitations: Invitation[] = [];
      for (const [seat, partner, email] of [
        ['a', body.partnerA, emailA],
        ['b', body.partnerB, emailB],
      ] as const) {
        const user = manager.create(User, {
          clinicId: ctx.clinicId,
          email,
          displayName: partner.displayName,
          role: 'client',
          status: 'invited',
          locale: partner.locale ?? 'en',
          timeZone: partner.timeZone,
        });
        await manager.insert(User, user);
        await manager.insert(CouplePartner, {
          clinicId: ctx.clinicId,
          coupleId: couple.id,
          seat,
          userId: user.id,
        });
        const saved = await manager.findOneByOrFail(User, { clinicId: ctx.clinicId, id: user.id });
        const issued = await this.tokens.issue(manager, saved, 'invitation', ctx.userId);
        invitations.push({ user: saved, issued });
      }
      await manager.insert(
        CoupleTherapist,
        therapistIds.map((therapistUserId) => ({
          clinicId: ctx.clinicId,
          coupleId: couple.id,
          therapistUserId,
        })),
      );
      await this.audit.record(manager, ctx, {
        action: 'couple.created',
        recordType: 'couple',
        recordId: couple.id,
        detail: {
          partnerIds: invitations.map((invitation) => invitation.user.id),
          therapistIds,
        },
      });
      const [dto] = await this.load(manager, ctx, [couple.id]);
      if (!dto) throw new Error('the new couple could not be read back');
      return { dto, clinic, inviter, invitations };
    });
    let invitationsSent = true;
    for (const invitation of created.invitations) {
      const sent = await this.emails.sendInvitation(
        invitation.user,
        created.clinic,
        created.inviter.displayName,
        invitation.issued,
      );
      invitationsSent &&= sent;
    }
    return { ...created.dto, invitationsSent };
  }

  async update(ctx: TenantContext, id: string, body: UpdateCoupleDto): Promise<CoupleDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'couple.update', [id]);
      const couple = await this.find(manager, ctx, id, true);
      const changes: Partial<Pick<Couple, 'status' | 'label' | 'closedAt' | 'closingNote'>> = {};
      if (body.closingNote !== undefined && body.status !== 'closed') {
        throw invalidRequest(
          { closingNote: 'send it together with status closed' },
          'A closing note is written when the couple is closed',
        );
      }
      if (body.status !== undefined && body.status !== couple.status) {
        if (!STAFF_TRANSITIONS[couple.status].includes(body.status)) {
          throw invalidRequest(
            { status: transitionHint(couple.status) },
            `A couple cannot go from ${couple.status} to ${body.status}`,
          );
        }
        changes.status = body.status;
        if (body.status === 'closed') {
          changes.closedAt = new Date();
          changes.closingNote = body.closingNote ?? null;
        }
        if (couple.status === 'closed') {
          changes.status = (await this.bothPartnersReady(manager, ctx, id)) ? 'active' : 'invited';
          changes.closedAt = null;
          changes.closingNote = null;
        }
      } else if (body.closingNote !== undefined) {
        throw invalidRequest(
          { closingNote: 'the couple is already closed; reopen it first' },
          'This couple is already closed',
        );
      }
      if (body.label !== undefined && body.label !== couple.label) changes.label = body.label;
      if (Object.keys(changes).length > 0) {
        await manager.update(Couple, { clinicId: ctx.clinicId, id }, changes);
      }
      if (changes.status) {
        // Paused or closed: their planned nudges are withdrawn; resumed: planned again.
        await requestReminderReplanning(manager, ctx.clinicId, { coupleId: id });
      }
      await this.audit.record(manager, ctx, {
        action: 'couple.updated',
        recordType: 'couple',
        recordId: id,
        detail: {
          fields: Object.keys(changes).filter((key) => key !== 'closedAt' && key !== 'closingNote'),
          ...(changes.closingNote ? { closingNote: true } : {}),
          ...(changes.status ? { from: couple.status, to: changes.status } : {}),
        },
      });
      return this.loadOne(manager, ctx, id);
    });
  }

  /** Replaces the couple's therapists with exactly the given set. */
  async reassign(ctx: TenantContext, id: string, body: ReassignTherapistsDto): Promise<CoupleDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'couple.reassign', [id]);
      await this.find(manager, ctx, id, true);
      await this.requireActiveTherapists(manager, ctx, body.therapistIds);
      const current = await manager.findBy(CoupleTherapist, {
        clinicId: ctx.clinicId,
        coupleId: id,
      });
      const before = new Set(current.map((row) => row.therapistUserId));
      const after = new Set(body.therapistIds);
      const removed = [...before].filter((therapistId) => !after.has(therapistId));
      const added = [...after].filter((therapistId) => !before.has(therapistId));
      if (removed.length > 0) {
        await manager.delete(CoupleTherapist, {
          clinicId: ctx.clinicId,
          coupleId: id,
          therapistUserId: In(removed),
        });
      }
      if (added.length > 0) {
        await manager.insert(
          CoupleTherapist,
          added.map((therapistUserId) => ({
            clinicId: ctx.clinicId,
            coupleId: id,
            therapistUserId,
          })),
        );
      }
      await this.audit.record(manager, ctx, {
        action: 'couple.therapists_reassigned',
        recordType: 'couple',
        recordId: id,
        detail: { added, removed },
      });
      return this.loadOne(manager, ctx, id);
    });
  }

  /**
   * A partner accepts the clinic's secrets policy (again is harmless: the first time stands).
   * Once both partners have joined and accepted, an invited couple becomes active.
   */
  async acknowledgePolicy(ctx: TenantContext, id: string): Promise<PolicyAcknowledgementDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'couple.acknowledge_policy', [id]);
      const couple = await this.find(manager, ctx, id, true);
      const now = new Date();
      const recorded = await manager.update(
        CouplePartner,
        {
          clinicId: ctx.clinicId,
          coupleId: id,
          userId: ctx.userId,
          policyAcknowledgedAt: IsNull(),
        },
        { policyAcknowledgedAt: now },
      );
      const own = await manager.findOneByOrFail(CouplePartner, {
        clinicId: ctx.clinicId,
        coupleId: id,
        userId: ctx.userId,
      });
      const clinic = await manager.findOneByOrFail(Clinic, { id: ctx.clinicId });
      const version = policyVersion(clinic.secretsPolicy);
      let activated = false;
      if (couple.status === 'invited') {
        if (await this.bothPartnersReady(manager, ctx, id)) {
          await manager.update(
            Couple,
            { clinicId: ctx.clinicId, id, status: 'invited' },
            { status: 'active' },
          );
          activated = true;
        }
      }
      await this.audit.record(manager, ctx, {
        action: 'couple.policy_acknowledged',
        recordType: 'couple',
        recordId: id,
        detail: { first: (recorded.affected ?? 0) > 0, policyVersion: version, activated },
      });
      return {
        acknowledgedAt: (own.policyAcknowledgedAt ?? now).toISOString(),
        policyText: clinic.secretsPolicy,
        policyVersion: version,
      };
    });
  }

  /** Both partners have joined and accepted the secrets policy: the couple can be active. */
  private async bothPartnersReady(
    manager: EntityManager,
    ctx: TenantContext,
    coupleId: string,
  ): Promise<boolean> {
    const [ready]: Array<{ ready: boolean }> = await manager.query(
      `SELECT count(*) = 2 AS ready FROM couple_partners p
         JOIN users u ON u.clinic_id = p.clinic_id AND u.id = p.user_id
        WHERE p.clinic_id = $1 AND p.couple_id = $2
          AND p.policy_acknowledged_at IS NOT NULL AND u.status = 'active'`,
      [ctx.clinicId, coupleId],
    );
    return ready?.ready ?? false;
  }

  /** Who works with the couple: the creating therapist always, an admin names them. */
  private therapistsFor(ctx: TenantContext, requested: string[] | undefined): string[] {
    if (ctx.role === 'therapist') return [...new Set([ctx.userId, ...(requested ?? [])])];
    if (!requested || requested.length === 0) {
      throw invalidRequest(
        { therapistIds: 'at least one active therapist of this clinic' },
        'Choose at least one therapist for the couple',
      );
    }
    return requested;
  }

  private async requireActiveTherapists(
    manager: EntityManager,
    ctx: TenantContext,
    ids: readonly string[],
  ): Promise<void> {
    const found = await manager.countBy(User, {
      clinicId: ctx.clinicId,
      id: In([...ids]),
      role: 'therapist',
      status: 'active',
    });
    if (found !== new Set(ids).size) {
      throw invalidRequest(
        { therapistIds: 'not all are active therapists of this clinic' },
        'Every therapist must be an active therapist of this clinic',
      );
    }
  }

  private async find(
    manager: EntityManager,
    ctx: TenantContext,
    id: string,
    lock = false,
  ): Promise<Couple> {
    const couple = await manager.findOne(Couple, {
      where: { clinicId: ctx.clinicId, id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!couple) throw new NotFoundException('Not found');
    return couple;
  }

  private async loadOne(
    manager: EntityManager,
    ctx: TenantContext,
    id: string,
  ): Promise<CoupleDto> {
    const [couple] = await this.load(manager, ctx, [id]);
    if (!couple) throw new NotFoundException('Not found');
    return couple;
  }

  /**
   * Couples with their partners and therapists, in the order of `ids`. What a client receives
   * is built separately from what staff receive, so nothing about safety can reach a client.
   */
  private async load(
    manager: EntityManager,
    ctx: TenantContext,
    ids: readonly string[],
  ): Promise<CoupleDto[]> {
    if (ids.length === 0) return [];
    const couples = await manager.findBy(Couple, { clinicId: ctx.clinicId, id: In([...ids]) });
    const partners: Array<{
      couple_id: string;
      seat: PartnerSeat;
      user_id: string;
      display_name: string;
      status: User['status'];
      acknowledged: boolean;
    }> = await manager.query(
      `SELECT p.couple_id, p.seat, p.user_id, u.display_name, u.status,
              p.policy_acknowledged_at IS NOT NULL AS acknowledged
         FROM couple_partners p
         JOIN users u ON u.clinic_id = p.clinic_id AND u.id = p.user_id
        WHERE p.clinic_id = $1 AND p.couple_id = ANY($2::uuid[])
        ORDER BY p.seat`,
      [ctx.clinicId, ids],
    );
    const therapists: Array<{ couple_id: string; user_id: string; display_name: string }> =
      await manager.query(
        `SELECT t.couple_id, t.therapist_user_id AS user_id, u.display_name
           FROM couple_therapists t
           JOIN users u ON u.clinic_id = t.clinic_id AND u.id = t.therapist_user_id
          WHERE t.clinic_id = $1 AND t.couple_id = ANY($2::uuid[])
          ORDER BY u.display_name, u.id`,
        [ctx.clinicId, ids],
      );
    const byId = new Map(couples.map((couple) => [couple.id, couple]));
    return ids.flatMap((id): CoupleDto[] => {
      const couple = byId.get(id);
      if (!couple) return [];
      const own = partners.filter((partner) => partner.couple_id === id);
      const base: CoupleDto = {
        id: couple.id,
        label: couple.label,
        status: couple.status,
        timeZone: couple.timeZone,
        partners: own.map((partner) => ({
          id: partner.user_id,
          seat: partner.seat,
          displayName: partner.display_name,
          status: partner.status,
          policyAcknowledged: partner.acknowledged,
        })),
        therapists: therapists
          .filter((therapist) => therapist.couple_id === id)
          .map((therapist) => ({ id: therapist.user_id, displayName: therapist.display_name })),
        createdAt: couple.createdAt.toISOString(),
        closedAt: couple.closedAt?.toISOString() ?? null,
      };
      if (ctx.role === 'client') {
        const me = own.find((partner) => partner.user_id === ctx.userId);
        return [{ ...base, policyAcknowledged: me?.acknowledged ?? false }];
      }
      return [
        {
          ...base,
          jointWorkPaused: couple.safetyPausedAt !== null,
          closingNote: couple.closingNote,
        },
      ];
    });
  }
}

function firstName(partner: NewPartnerDto): string {
  return partner.displayName.trim().split(/\s+/)[0] ?? partner.displayName;
}

function defaultLabel(a: NewPartnerDto, b: NewPartnerDto): string {
  return `${firstName(a)} & ${firstName(b)}`.slice(0, 100);
}

function transitionHint(from: CoupleStatus): string {
  const allowed = STAFF_TRANSITIONS[from];
  if (from === 'closed') return 'a closed couple may only be reopened (active)';
  return `from ${from} it may become ${allowed.join(' or ')}`;
}

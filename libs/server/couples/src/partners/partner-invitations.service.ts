import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@mend/server-audit';
import { Clinic, Couple, CouplePartner, User } from '@mend/server-db';
import { AccountEmailsService, UserTokensService, type IssuedToken } from '@mend/server-identity';
import { AccessService, TenantDb, type TenantContext } from '@mend/server-tenancy';
import type { CorrectPartnerEmailDto, InvitedPartnerDto } from './partner-invitation.dto';

interface Invitation {
  partner: CouplePartner;
  user: User;
  clinic: Clinic;
  inviterName: string;
  issued: IssuedToken;
}

/**
 * A partner's invitation, managed by the couple's therapists or an admin until the partner
 * joins. Every new link retires the earlier ones (UserTokensService.issue), so after a resend
 * or a corrected email only the newest email's link works.
 */
@Injectable()
export class PartnerInvitationsService {
  constructor(
    private readonly db: TenantDb,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly tokens: UserTokensService,
    private readonly emails: AccountEmailsService,
  ) {}

  async resend(
    ctx: TenantContext,
    coupleId: string,
    partnerId: string,
  ): Promise<InvitedPartnerDto> {
    const invitation = await this.db.run(ctx, async (manager) => {
      const { partner, user } = await this.invitedPartner(manager, ctx, coupleId, partnerId);
      const issued = await this.tokens.issue(manager, user, 'invitation', ctx.userId);
      await this.audit.record(manager, ctx, {
        action: 'couple.partner_invitation_resent',
        recordType: 'couple',
        recordId: coupleId,
        detail: { partnerId },
      });
      return { partner, user, issued, ...(await this.senders(manager, ctx)) };
    });
    return this.send(invitation);
  }

  /** Puts right a mistyped address: the account moves to the new email with a fresh link. */
  async correctEmail(
    ctx: TenantContext,
    coupleId: string,
    partnerId: string,
    body: CorrectPartnerEmailDto,
  ): Promise<InvitedPartnerDto> {
    const invitation = await this.db.run(ctx, async (manager) => {
      const { partner, user } = await this.invitedPartner(manager, ctx, coupleId, partnerId);
      const email = body.email.toLowerCase();
      if (email !== user.email) {
        if (await manager.existsBy(User, { clinicId: ctx.clinicId, email })) {
          throw new ConflictException({
            message: 'Someone in this clinic already uses that email',
            fields: { email: 'already in use in this clinic' },
          });
        }
        await manager.update(User, { clinicId: ctx.clinicId, id: partnerId }, { email });
      }
      const corrected = await manager.findOneByOrFail(User, {
        clinicId: ctx.clinicId,
        id: partnerId,
      });
      const issued = await this.tokens.issue(manager, corrected, 'invitation', ctx.userId);
      // The addresses themselves stay out of the audit trail; the change is what matters.
      await this.audit.record(manager, ctx, {
        action: 'couple.partner_email_corrected',
        recordType: 'couple',
        recordId: coupleId,
        detail: { partnerId, changed: email !== user.email },
      });
      return { partner, user: corrected, issued, ...(await this.senders(manager, ctx)) };
    });
    return this.send(invitation);
  }

  /**
   * A partner of this open couple who has not joined yet; 404 for anyone else, 409 once joined
   * or while the couple is closed.
   */
  private async invitedPartner(
    manager: EntityManager,
    ctx: TenantContext,
    coupleId: string,
    partnerId: string,
  ): Promise<{ partner: CouplePartner; user: User }> {
    await this.access.requireAccess(manager, ctx, 'couple.update', [coupleId]);
    const couple = await manager.findOneBy(Couple, { clinicId: ctx.clinicId, id: coupleId });
    if (!couple) throw new NotFoundException('Not found');
    if (couple.status === 'closed') {
      throw new ConflictException({
        message: 'This couple is closed; reopen it before inviting a partner again',
        fields: { id: 'the couple is closed' },
      });
    }
    const partner = await manager.findOneBy(CouplePartner, {
      clinicId: ctx.clinicId,
      coupleId,
      userId: partnerId,
    });
    if (!partner) throw new NotFoundException('Not found');
    const user = await manager.findOne(User, {
      where: { clinicId: ctx.clinicId, id: partnerId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!user) throw new NotFoundException('Not found');
    if (user.status !== 'invited') {
      throw new ConflictException({
        message: 'This partner has already joined; they change their own email',
        fields: { partnerId: 'already joined' },
      });
    }
    return { partner, user };
  }

  private async senders(
    manager: EntityManager,
    ctx: TenantContext,
  ): Promise<{ clinic: Clinic; inviterName: string }> {
    const clinic = await manager.findOneByOrFail(Clinic, { id: ctx.clinicId });
    const inviter = await manager.findOneByOrFail(User, { clinicId: ctx.clinicId, id: ctx.userId });
    return { clinic, inviterName: inviter.displayName };
  }

  /** After the commit: a failed send is reported, not undone (as when the couple was made). */
  private async send(invitation: Invitation): Promise<InvitedPartnerDto> {
    const { partner, user, clinic, inviterName, issued } = invitation;
    const sent = await this.emails.sendInvitation(user, clinic, inviterName, issued);
    return {
      id: user.id,
      seat: partner.seat,
      displayName: user.displayName,
      status: user.status,
      policyAcknowledged: partner.policyAcknowledgedAt !== null,
      invitationSent: sent,
    };
  }
}

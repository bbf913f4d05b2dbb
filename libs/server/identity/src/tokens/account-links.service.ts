import { BadRequestException, Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { AuditService } from '@mend/server-audit';
import { Clinic, Session, User } from '@mend/server-db';
import { TenantDb } from '@mend/server-tenancy';
import { hashPassword } from '@mend/server-passwords';
import { AccountEmailsService } from './account-emails.service';
import type { InvitationDto } from './account-links.dto';
import { UserTokensService } from './user-tokens.service';

const LINK_INVALID = 'This link has expired or was already used; ask for a new one';

function linkInvalid(): BadRequestException {
  return new BadRequestException({ message: LINK_INVALID, fields: { token: LINK_INVALID } });
}

/** What the emailed links do: accept an invitation, reset a forgotten password. */
@Injectable()
export class AccountLinksService {
  constructor(
    private readonly db: TenantDb,
    private readonly tokens: UserTokensService,
    private readonly emails: AccountEmailsService,
    private readonly audit: AuditService,
  ) {}

  async inspectInvitation(token: string): Promise<InvitationDto> {
    const found = await this.tokens.peek(token, 'invitation');
    if (!found) throw linkInvalid();
    const clinic = await this.db.run({ clinicId: found.user.clinicId }, (manager) =>
      manager.findOneByOrFail(Clinic, { id: found.user.clinicId }),
    );
    return {
      email: found.user.email,
      displayName: found.user.displayName,
      clinicName: clinic.name,
      role: found.user.role,
      expiresAt: found.expiresAt.toISOString(),
    };
  }

  /** Sets the password and activates the account; the person then signs in as usual. */
  async acceptInvitation(token: string, password: string, displayName?: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    const done = await this.tokens.redeem(token, 'invitation', async (manager, user) => {
      if (user.status !== 'invited') return false;
      await manager.update(
        User,
        { clinicId: user.clinicId, id: user.id },
        { passwordHash, status: 'active', ...(displayName ? { displayName } : {}) },
      );
      await this.audit.record(manager, user, {
        action: 'user.invitation_accepted',
        recordType: 'user',
        recordId: user.id,
      });
      return true;
    });
    if (!done) throw linkInvalid();
  }

  /** The signup's emailed link: the clinic may now invite people and hold client data. */
  async verifyEmail(token: string): Promise<void> {
    const done = await this.tokens.redeem(token, 'email_verification', async (manager, user) => {
      await manager.update(
        Clinic,
        { id: user.clinicId, emailVerifiedAt: IsNull() },
        { emailVerifiedAt: new Date() },
      );
      await this.audit.record(manager, user, {
        action: 'clinic.email_verified',
        recordType: 'clinic',
        recordId: user.clinicId,
      });
      return true;
    });
    if (!done) throw linkInvalid();
  }

  /**
   * Always answers the same way, whether or not the email has an account, so the form cannot
   * be used to find out who is a client where.
   */
  async requestPasswordReset(email: string): Promise<void> {
    const candidates = await this.db.query<Array<{ clinic_id: string; user_id: string }>>(
      'SELECT clinic_id, user_id FROM auth_login_candidates($1)',
      [email],
    );
    for (const candidate of candidates) {
      const issued = await this.db.run({ clinicId: candidate.clinic_id }, async (manager) => {
        const user = await manager.findOneBy(User, {
          clinicId: candidate.clinic_id,
          id: candidate.user_id,
          status: 'active',
        });
        if (!user) return null;
        const link = await this.tokens.issue(manager, user, 'password_reset', null);
        await this.audit.record(manager, user, {
          action: 'auth.password_reset_requested',
          recordType: 'user',
          recordId: user.id,
        });
        return { user, link };
      });
      if (issued) await this.emails.sendPasswordReset(issued.user, issued.link);
    }
  }

  /** A new password ends every session and any lockout. */
  async completePasswordReset(token: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    const done = await this.tokens.redeem(token, 'password_reset', async (manager, user) => {
      if (user.status !== 'active') return false;
      await manager.update(
        User,
        { clinicId: user.clinicId, id: user.id },
        { passwordHash, failedLogins: 0, lockedUntil: null },
      );
      await manager.update(
        Session,
        { clinicId: user.clinicId, userId: user.id, revokedAt: IsNull() },
        { revokedAt: new Date(), revokedReason: 'password_reset' },
      );
      await this.audit.record(manager, user, {
        action: 'auth.password_reset',
        recordType: 'user',
        recordId: user.id,
      });
      return true;
    });
    if (!done) throw linkInvalid();
  }
}

import { invalidRequest } from '@mend/server-platform';
import { randomUUID } from 'node:crypto';
import { BadRequestException, Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { AuditService } from '@mend/server-audit';
import { Clinic, Session, User, UserToken } from '@mend/server-db';
import { QueueRegistry } from '@mend/server-jobs';
import { TenantDb } from '@mend/server-tenancy';
import type { JobPayload } from '@mend/shared-contracts';
import { hashPassword } from '@mend/server-passwords';
import { AccountEmailsService } from './account-emails.service';
import type { InvitationDto } from './account-links.dto';
import { UserTokensService } from './user-tokens.service';

const LINK_INVALID = 'This link has expired or was already used; ask for a new one';

function linkInvalid(): BadRequestException {
  return invalidRequest({ token: LINK_INVALID }, LINK_INVALID);
}

/** What the emailed links do: accept an invitation, reset a forgotten password. */
@Injectable()
export class AccountLinksService {
  constructor(
    private readonly db: TenantDb,
    private readonly tokens: UserTokensService,
    private readonly emails: AccountEmailsService,
    private readonly audit: AuditService,
    private readonly queues: QueueRegistry,
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
   * Answers at once and the same way for every address: the only work on the request's path is
   * one queue job carrying the address, so neither the answer nor its timing tells whether the
   * email has an account. The worker finds the accounts and mails the links.
   */
  async requestPasswordReset(email: string): Promise<void> {
    const requestId = randomUUID();
    await this.queues.enqueue(
      'accounts.password-reset',
      { email, requestId },
      { jobId: `password-reset.${requestId}` },
    );
  }

  /** Worker: one mail job per account the address signs in to (in any clinic). */
  async fanOutPasswordReset(payload: JobPayload<'accounts.password-reset'>): Promise<void> {
    const candidates = await this.db.query<Array<{ clinic_id: string; user_id: string }>>(
      'SELECT clinic_id, user_id FROM auth_login_candidates($1)',
      [payload.email],
    );
    for (const { clinic_id: clinicId, user_id: userId } of candidates) {
      await this.queues.enqueue(
        'accounts.password-reset-mail',
        { clinicId, userId, requestId: payload.requestId },
        { jobId: `password-reset-mail.${payload.requestId}.${userId}` },
      );
    }
  }

  /**
   * Worker: one link per request, mailed once. The request id is unique per clinic, so the first
   * run issues the link and commits it (it works the moment the mail arrives); the mail then
   * leaves under a lock on that row, which is marked sent in the same transaction. A run that
   * finds the row sent stops; one that finds it unsent after a failed send gives it a fresh
   * secret and mails that. (A crash between the send and the commit would mail once more, the
   * earlier link then dead: never none.)
   */
  async mailPasswordReset(payload: JobPayload<'accounts.password-reset-mail'>): Promise<void> {
    const scope = { clinicId: payload.clinicId };
    const found = await this.db.run(scope, async (manager) => {
      const user = await manager.findOne(User, {
        where: { clinicId: payload.clinicId, id: payload.userId, status: 'active' },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) return null;
      const earlier = await manager.findOneBy(UserToken, {
        clinicId: payload.clinicId,
        requestId: payload.requestId,
      });
      if (earlier) return { user, rowId: earlier.id, issued: null };
      const issued = await this.tokens.issue(
        manager,
        user,
        'password_reset',
        null,
        payload.requestId,
      );
      await this.audit.record(manager, user, {
        action: 'auth.password_reset_requested',
        recordType: 'user',
        recordId: user.id,
      });
      return { user, rowId: issued.id, issued };
    });
    if (!found) return;
    await this.db.run(scope, async (manager) => {
      const row = await manager.findOne(UserToken, {
        where: { clinicId: payload.clinicId, id: found.rowId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row || row.sentAt || row.usedAt) return;
      const link = found.issued ?? (await this.tokens.rekey(manager, row));
      if (!(await this.emails.sendPasswordReset(found.user, link))) {
        throw new Error('password reset mail not sent; the job will retry');
      }
      await manager.update(
        UserToken,
        { clinicId: row.clinicId, id: row.id },
        { sentAt: new Date() },
      );
    });
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

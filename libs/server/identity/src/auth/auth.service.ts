import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@mend/server-config';
import { AuditEvent, Clinic, RetiredRefreshToken, Session, User } from '@mend/server-db';
import { TenantDb, type TenantContext } from '@mend/server-tenancy';
import { verifyAgainstDecoy, verifyPassword } from '@mend/server-passwords';
import type { MfaChallengeDto } from '../mfa/mfa.dto';
import type { SessionTokensDto, SignedInUserDto } from './auth.dto';
import {
  hashToken,
  newRefreshToken,
  parseRefreshToken,
  signAccessToken,
  signMfaChallenge,
} from './tokens';

/** Failed sign-ins in a row before the account pauses; the pause is short so it cannot be abused. */
export const LOCKOUT_THRESHOLD = 10;
export const LOCKOUT_MINUTES = 15;

export interface RequestMeta {
  ip: string | null;
  requestId: string | null;
}

const INVALID = 'Email or password is incorrect';

@Injectable()
export class AuthService {
  constructor(
    private readonly db: TenantDb,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(
    email: string,
    password: string,
    meta: RequestMeta,
  ): Promise<SessionTokensDto | MfaChallengeDto> {
    const candidates = await this.db.query<Array<{ clinic_id: string; user_id: string }>>(
      'SELECT clinic_id, user_id FROM auth_login_candidates($1)',
      [email],
    );
    if (candidates.length === 0) {
      await verifyAgainstDecoy(password);
      throw new UnauthorizedException(INVALID);
    }
    for (const candidate of candidates) {
      const outcome = await this.db.run({ clinicId: candidate.clinic_id }, (manager) =>
        this.tryPassword(manager, candidate, password, meta),
      );
      if (outcome) return outcome;
    }
    throw new UnauthorizedException(INVALID);
  }

  private async tryPassword(
    manager: EntityManager,
    candidate: { clinic_id: string; user_id: string },
    password: string,
    meta: RequestMeta,
  ): Promise<SessionTokensDto | MfaChallengeDto | null> {
    const user = await manager.findOne(User, {
      where: { clinicId: candidate.clinic_id, id: candidate.user_id },
      lock: { mode: 'pessimistic_write' },
    });
    // Every refusal costs one argon2 verification, as a wrong password does, so how long the
    // answer takes says nothing about whether the account exists, is active or is paused.
    if (!user?.passwordHash || user.status !== 'active') {
      await verifyAgainstDecoy(password);
      return null;
    }
    if (await this.isLockedOut(manager, user, meta)) {
      await verifyAgainstDecoy(password);
      return null;
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      await this.recordFailure(manager, user, 'auth.login_failed', meta);
      return null;
    }
    const clinic = await manager.findOneByOrFail(Clinic, { id: user.clinicId });
    const staff = user.role !== 'client';
    if (user.mfaEnabledAt || (staff && clinic.requireStaffMfa)) {
      await this.audit(manager, user, 'auth.mfa_challenged', meta);
      return {
        mfaRequired: true,
        enrolmentRequired: !user.mfaEnabledAt,
        challengeToken: await signMfaChallenge(
          { clinicId: user.clinicId, userId: user.id },
          this.config.AUTH_JWT_SECRET,
        ),
      };
    }
    return this.openSession(manager, user, clinic, meta);
  }

  /** True while the account is paused after too many failures (the pause is audited). */
  async isLockedOut(manager: EntityManager, user: User, meta: RequestMeta): Promise<boolean> {
    if (!user.lockedUntil || user.lockedUntil <= new Date()) return false;
    await this.audit(manager, user, 'auth.login_locked', meta);
    return true;
  }

  /**
   * A wrong password or MFA code counts towards the lockout. The pause is short and then the
   * count starts again, so nobody can keep a victim locked out for long.
   */
  async recordFailure(
    manager: EntityManager,
    user: User,
    action: string,
    meta: RequestMeta,
  ): Promise<void> {
    const failures = user.failedLogins + 1;
    const locked = failures >= LOCKOUT_THRESHOLD;
    await manager.update(
      User,
      { clinicId: user.clinicId, id: user.id },
      {
        failedLogins: locked ? 0 : failures,
        lockedUntil: locked ? new Date(Date.now() + LOCKOUT_MINUTES * 60_000) : user.lockedUntil,
      },
    );
    await this.audit(manager, user, locked ? 'auth.locked_out' : action, meta);
  }

  /** A new signed-in device for a user who has passed every check sign-in asks for. */
  async openSession(
    manager: EntityManager,
    user: User,
    clinic: Clinic,
    meta: RequestMeta,
  ): Promise<SessionTokensDto> {
    const session = manager.create(Session, {
      clinicId: user.clinicId,
      userId: user.id,
      refreshTokenHash: 'pending',
      expiresAt: new Date(Date.now() + this.config.SESSION_MAX_HOURS * 3_600_000),
    });
    await manager.insert(Session, session);
    // Failures are forgiven only once every factor has passed, so a known password cannot
    // be used to reset the count while guessing MFA codes.
    await manager.update(
      User,
      { clinicId: user.clinicId, id: user.id },
      { failedLogins: 0, lockedUntil: null },
    );
    await this.audit(manager, user, 'auth.login', meta);
    return this.issue(manager, user, clinic, session);
  }

  /**
   * Rotates the refresh token. Presenting any token the session has rotated past, however long
   * ago, means it was copied: the whole session is revoked, for the thief and the owner alike.
   */
  async refresh(refreshToken: string, meta: RequestMeta): Promise<SessionTokensDto> {
    const parsed = parseRefreshToken(refreshToken);
    if (!parsed) throw new UnauthorizedException('Session expired; please sign in again');
    const outcome = await this.db.run({ clinicId: parsed.clinicId }, async (manager) => {
      const session = await manager.findOne(Session, {
        where: { clinicId: parsed.clinicId, id: parsed.sessionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!session || session.revokedAt) return null;
      const user = await manager.findOneByOrFail(User, {
        clinicId: session.clinicId,
        id: session.userId,
      });
      const clinic = await manager.findOneByOrFail(Clinic, { id: session.clinicId });
      const presented = hashToken(refreshToken);
      const retired = await manager.existsBy(RetiredRefreshToken, {
        clinicId: session.clinicId,
        tokenHash: presented,
        sessionId: session.id,
      });
      if (retired) {
        await this.revoke(manager, session, 'refresh_token_reused');
        await this.audit(manager, user, 'auth.refresh_reuse_detected', meta);
        return null;
      }
      if (presented !== session.refreshTokenHash) return null;
      const now = Date.now();
      const idleLimit = session.lastSeenAt.getTime() + clinic.inactivityTimeoutMinutes * 60_000;
      if (session.expiresAt.getTime() <= now || idleLimit <= now || user.status !== 'active') {
        await this.revoke(manager, session, 'expired');
        return null;
      }
      return this.issue(manager, user, clinic, session);
    });
    if (!outcome) throw new UnauthorizedException('Session expired; please sign in again');
    return outcome;
  }

  async logout(context: TenantContext, meta: RequestMeta): Promise<void> {
    await this.db.run(context, async (manager) => {
      const session = await manager.findOneBy(Session, {
        clinicId: context.clinicId,
        id: context.sessionId,
      });
      if (!session) return;
      await this.revoke(manager, session, 'logout');
      await manager.insert(AuditEvent, {
        clinicId: context.clinicId,
        actorUserId: context.userId,
        action: 'auth.logout',
        recordType: 'session',
        recordId: session.id,
        requestId: meta.requestId,
        ip: meta.ip,
      });
    });
  }

  async me(context: TenantContext): Promise<SignedInUserDto> {
    return this.db.run(context, async (manager) => {
      const user = await manager.findOneByOrFail(User, {
        clinicId: context.clinicId,
        id: context.userId,
      });
      const clinic = await manager.findOneByOrFail(Clinic, { id: context.clinicId });
      return toSignedInUser(user, clinic);
    });
  }

  private async issue(
    manager: EntityManager,
    user: User,
    clinic: Clinic,
    session: Session,
  ): Promise<SessionTokensDto> {
    const refreshToken = newRefreshToken(user.clinicId, session.id);
    // lastSeenAt stays: a refresh follows from any request, background ones too, and is not
    // activity. The request it unblocks counts (or not) when retried through the session guard.
    if (session.refreshTokenHash !== 'pending') {
      await manager.insert(RetiredRefreshToken, {
        clinicId: session.clinicId,
        tokenHash: session.refreshTokenHash,
        sessionId: session.id,
      });
    }
    await manager.update(
      Session,
      { clinicId: session.clinicId, id: session.id },
      { refreshTokenHash: hashToken(refreshToken) },
    );
    const accessToken = await signAccessToken(
      { clinicId: user.clinicId, userId: user.id, sessionId: session.id },
      this.config.AUTH_JWT_SECRET,
      this.config.ACCESS_TOKEN_TTL_SECONDS,
    );
    return { accessToken, refreshToken, user: toSignedInUser(user, clinic) };
  }

  private async revoke(manager: EntityManager, session: Session, reason: string): Promise<void> {
    await manager.update(
      Session,
      { clinicId: session.clinicId, id: session.id },
      { revokedAt: new Date(), revokedReason: reason },
    );
  }

  async audit(
    manager: EntityManager,
    user: User,
    action: string,
    meta: RequestMeta,
  ): Promise<void> {
    await manager.insert(AuditEvent, {
      clinicId: user.clinicId,
      actorUserId: user.id,
      action,
      recordType: 'user',
      recordId: user.id,
      requestId: meta.requestId,
      ip: meta.ip,
    });
  }
}

export function toSignedInUser(user: User, clinic: Clinic): SignedInUserDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    clinicId: user.clinicId,
    clinicName: clinic.name,
    locale: user.locale,
    inactivityTimeoutMinutes: clinic.inactivityTimeoutMinutes,
  };
}

import { invalidRequest } from '@mend/server-platform';
import { ConflictException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { toDataURL } from 'qrcode';
import { IsNull, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@mend/server-config';
import { Clinic, MfaRecoveryCode, User } from '@mend/server-db';
import { TenantDb, type TenantContext } from '@mend/server-tenancy';
import { AuthService, type RequestMeta } from '../auth/auth.service';
import { verifyMfaChallenge } from '../auth/tokens';
import type { MfaEnrolmentDto, MfaSignedInDto, MfaVerifyDto, RecoveryCodesDto } from './mfa.dto';
import { RECOVERY_CODE_COUNT, hashRecoveryCode, newRecoveryCode } from './recovery-codes';
import { openSecret, sealSecret } from './secret-box';
import { matchTotpStep, newTotpSecret, totpUri } from './totp';

const EXPIRED = 'The sign-in step expired; please sign in again';
const WRONG_CODE = 'That code did not work; check the time on your phone and try a fresh code';

/**
 * TOTP enrolment and verification. Staff whose clinic requires MFA enrol during their first
 * sign-in (with the challenge token); anyone else may opt in from their account.
 */
@Injectable()
export class MfaService {
  constructor(
    private readonly db: TenantDb,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Starts enrolment mid-sign-in: a fresh secret, not active until a code proves it. */
  async startEnrolment(challengeToken: string, meta: RequestMeta): Promise<MfaEnrolmentDto> {
    const subject = await this.challenge(challengeToken);
    return this.db.run(subject, async (manager) => {
      const user = await this.activeUser(manager, subject);
      if (user.mfaEnabledAt) throw new ConflictException('MFA is already set up; enter a code');
      return this.newPendingSecret(manager, user, meta);
    });
  }

  /** Finishes a sign-in with a TOTP code (enrolling, if pending) or a recovery code. */
  async verify(body: MfaVerifyDto, meta: RequestMeta): Promise<MfaSignedInDto> {
    if ((body.code === undefined) === (body.recoveryCode === undefined)) {
      throw invalidRequest(
        { code: 'send either code or recoveryCode' },
        'Send either a code or a recovery code',
      );
    }
    const subject = await this.challenge(body.challengeToken);
    const outcome = await this.db.run(subject, async (manager) => {
      const user = await this.activeUser(manager, subject, true);
      if (await this.auth.isLockedOut(manager, user, meta)) return null;
      const enrolling = !user.mfaEnabledAt;
      const accepted = body.code
        ? await this.acceptCode(manager, user, body.code, enrolling)
        : !enrolling && (await this.acceptRecoveryCode(manager, user, body.recoveryCode ?? ''));
      if (!accepted) {
        await this.auth.recordFailure(manager, user, 'auth.mfa_failed', meta);
        return null;
      }
      const recoveryCodes = enrolling ? await this.enable(manager, user, meta) : undefined;
      const clinic = await manager.findOneByOrFail(Clinic, { id: user.clinicId });
      const tokens = await this.auth.openSession(manager, user, clinic, meta);
      return { ...tokens, ...(recoveryCodes ? { recoveryCodes } : {}) };
    });
    if (!outcome) throw new UnauthorizedException(WRONG_CODE);
    return outcome;
  }

  /** A signed-in user (e.g. a client) opting in. */
  async startEnrolmentForAccount(ctx: TenantContext, meta: RequestMeta): Promise<MfaEnrolmentDto> {
    return this.db.run(ctx, async (manager) => {
      const user = await this.activeUser(manager, ctx);
      if (user.mfaEnabledAt) throw new ConflictException('MFA is already set up');
      return this.newPendingSecret(manager, user, meta);
    });
  }

  async confirmEnrolmentForAccount(
    ctx: TenantContext,
    code: string,
    meta: RequestMeta,
  ): Promise<RecoveryCodesDto> {
    const outcome = await this.db.run(ctx, async (manager) => {
      const user = await this.activeUser(manager, ctx, true);
      if (user.mfaEnabledAt) throw new ConflictException('MFA is already set up');
      if (!(await this.acceptCode(manager, user, code, true))) {
        await this.auth.recordFailure(manager, user, 'auth.mfa_failed', meta);
        return null;
      }
      return { recoveryCodes: await this.enable(manager, user, meta) };
    });
    if (!outcome) throw invalidRequest({ code: WRONG_CODE }, WRONG_CODE);
    return outcome;
  }

  private async challenge(token: string): Promise<{ clinicId: string; userId: string }> {
    const subject = await verifyMfaChallenge(token, this.config.AUTH_JWT_SECRET);
    if (!subject) throw new UnauthorizedException(EXPIRED);
    return subject;
  }

  private async activeUser(
    manager: EntityManager,
    subject: { clinicId: string; userId: string },
    lock = false,
  ): Promise<User> {
    const user = await manager.findOne(User, {
      where: { clinicId: subject.clinicId, id: subject.userId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (user?.status !== 'active') throw new UnauthorizedException(EXPIRED);
    return user;
  }

  private async newPendingSecret(
    manager: EntityManager,
    user: User,
    meta: RequestMeta,
  ): Promise<MfaEnrolmentDto> {
    const secret = newTotpSecret();
    await manager.update(
      User,
      { clinicId: user.clinicId, id: user.id },
      { mfaSecret: sealSecret(secret, this.config.AUTH_JWT_SECRET), mfaLastStep: null },
    );
    await this.auth.audit(manager, user, 'auth.mfa_enrolment_started', meta);
    const otpauthUri = totpUri(secret, user.email);
    return { secret, otpauthUri, qrCodeDataUrl: await toDataURL(otpauthUri) };
  }

  /** A code from the app, for a step after the last one used (so never the same code twice). */
  private async acceptCode(
    manager: EntityManager,
    user: User,
    code: string,
    enrolling: boolean,
  ): Promise<boolean> {
    if (!user.mfaSecret || (enrolling && user.mfaEnabledAt)) return false;
    const secret = openSecret(user.mfaSecret, this.config.AUTH_JWT_SECRET);
    const step = matchTotpStep(secret, code, new Date());
    if (step === null || (user.mfaLastStep !== null && step <= user.mfaLastStep)) return false;
    await manager.update(User, { clinicId: user.clinicId, id: user.id }, { mfaLastStep: step });
    return true;
  }

  private async acceptRecoveryCode(
    manager: EntityManager,
    user: User,
    code: string,
  ): Promise<boolean> {
    const used = await manager.update(
      MfaRecoveryCode,
      {
        clinicId: user.clinicId,
        userId: user.id,
        codeHash: hashRecoveryCode(code),
        usedAt: IsNull(),
      },
      { usedAt: new Date() },
    );
    return (used.affected ?? 0) === 1;
  }

  private async enable(manager: EntityManager, user: User, meta: RequestMeta): Promise<string[]> {
    await manager.update(
      User,
      { clinicId: user.clinicId, id: user.id },
      { mfaEnabledAt: new Date() },
    );
    await manager.delete(MfaRecoveryCode, { clinicId: user.clinicId, userId: user.id });
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await manager.insert(
      MfaRecoveryCode,
      codes.map((code) => ({
        clinicId: user.clinicId,
        userId: user.id,
        codeHash: hashRecoveryCode(code),
      })),
    );
    await this.auth.audit(manager, user, 'auth.mfa_enabled', meta);
    return codes;
  }
}

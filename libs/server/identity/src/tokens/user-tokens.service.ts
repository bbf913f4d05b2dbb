import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { IsNull, MoreThan, type EntityManager } from 'typeorm';
import { User, UserToken } from '@mend/server-db';
import type { UserTokenPurpose } from '@mend/shared-contracts';
import { TenantDb } from '@mend/server-tenancy';
import { hashToken, parseScopedToken } from '../auth/tokens';

/** How long an emailed link stays good. Invitations wait for busy people; resets do not. */
export const TOKEN_LIFETIME_HOURS: Record<UserTokenPurpose, number> = {
  invitation: 7 * 24,
  password_reset: 1,
  email_verification: 2 * 24,
};

export interface IssuedToken {
  /** The row, for marking it later. */
  id: string;
  token: string;
  expiresAt: Date;
}

/**
 * Single-use emailed tokens. The token names its clinic and row (so it can be found under
 * row-level security) and carries 256 random bits; only a SHA-256 of the whole is stored.
 * Issuing a new token of a purpose retires the user's earlier ones.
 */
@Injectable()
export class UserTokensService {
  constructor(private readonly db: TenantDb) {}

  async issue(
    manager: EntityManager,
    user: Pick<User, 'clinicId' | 'id'>,
    purpose: UserTokenPurpose,
    createdByUserId: string | null,
    requestId: string | null = null,
  ): Promise<IssuedToken> {
    const now = new Date();
    await manager.update(
      UserToken,
      { clinicId: user.clinicId, userId: user.id, purpose, usedAt: IsNull() },
      { usedAt: now },
    );
    const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_HOURS[purpose] * 3_600_000);
    const row = manager.create(UserToken, {
      clinicId: user.clinicId,
      userId: user.id,
      purpose,
      tokenHash: 'pending',
      expiresAt,
      createdByUserId,
      requestId,
    });
    await manager.insert(UserToken, row);
    const token = `${user.clinicId}.${row.id}.${randomBytes(32).toString('base64url')}`;
    await manager.update(
      UserToken,
      { clinicId: user.clinicId, id: row.id },
      { tokenHash: hashToken(token) },
    );
    return { id: row.id, token, expiresAt };
  }

  /**
   * A fresh secret for a link row that was issued but never sent (only its hash was kept, so
   * the secret itself is gone), with a fresh expiry.
   */
  async rekey(manager: EntityManager, row: UserToken): Promise<IssuedToken> {
    const expiresAt = new Date(Date.now() + TOKEN_LIFETIME_HOURS[row.purpose] * 3_600_000);
    const token = `${row.clinicId}.${row.id}.${randomBytes(32).toString('base64url')}`;
    await manager.update(
      UserToken,
      { clinicId: row.clinicId, id: row.id },
      { tokenHash: hashToken(token), expiresAt },
    );
    return { id: row.id, token, expiresAt };
  }

  /**
   * Runs `work` with the token's user if the token is genuine, unused and unexpired, and
   * marks it used in the same transaction; answers null otherwise.
   */
  async redeem<T>(
    token: string,
    purpose: UserTokenPurpose,
    work: (manager: EntityManager, user: User) => Promise<T>,
  ): Promise<T | null> {
    const parsed = parseScopedToken(token);
    if (!parsed) return null;
    return this.db.run({ clinicId: parsed.clinicId }, async (manager) => {
      const row = await this.findLive(manager, parsed, token, purpose, true);
      if (!row) return null;
      const user = await manager.findOneByOrFail(User, { clinicId: row.clinicId, id: row.userId });
      await manager.update(
        UserToken,
        { clinicId: row.clinicId, id: row.id },
        { usedAt: new Date() },
      );
      return work(manager, user);
    });
  }

  /** Looks without using: lets the accept page greet the person by name. */
  async peek(
    token: string,
    purpose: UserTokenPurpose,
  ): Promise<{ user: User; expiresAt: Date } | null> {
    const parsed = parseScopedToken(token);
    if (!parsed) return null;
    return this.db.run({ clinicId: parsed.clinicId }, async (manager) => {
      const row = await this.findLive(manager, parsed, token, purpose, false);
      if (!row) return null;
      const user = await manager.findOneByOrFail(User, { clinicId: row.clinicId, id: row.userId });
      return { user, expiresAt: row.expiresAt };
    });
  }

  private findLive(
    manager: EntityManager,
    parsed: { clinicId: string; rowId: string },
    token: string,
    purpose: UserTokenPurpose,
    lock: boolean,
  ): Promise<UserToken | null> {
    return manager.findOne(UserToken, {
      where: {
        clinicId: parsed.clinicId,
        id: parsed.rowId,
        purpose,
        tokenHash: hashToken(token),
        usedAt: IsNull(),
        expiresAt: MoreThan(new Date()),
      },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }
}

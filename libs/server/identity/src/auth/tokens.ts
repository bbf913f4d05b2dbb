import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';

/**
 * What an access token names: who, in which clinic, on which session. It carries no role or
 * status: the session guard reads those from the user's row on every request, so a forged or
 * stale claim can grant nothing and a role change applies at once.
 */
export interface AccessClaims {
  clinicId: string;
  userId: string;
  sessionId: string;
}

const ISSUER = 'mend';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function signAccessToken(
  claims: AccessClaims,
  secret: string,
  ttlSeconds: number,
): Promise<string> {
  return new SignJWT({ cid: claims.clinicId, sid: claims.sessionId })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setSubject(claims.userId)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(new TextEncoder().encode(secret));
}

/** The claims of a valid, unexpired token signed by us; null for anything else. */
export async function verifyAccessToken(
  token: string,
  secret: string,
): Promise<AccessClaims | null> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      issuer: ISSUER,
      algorithms: ['HS256'],
    });
    const { sub, cid, sid } = payload;
    if (![sub, cid, sid].every((id) => typeof id === 'string' && UUID.test(id))) return null;
    return { userId: sub as string, clinicId: cid as string, sessionId: sid as string };
  } catch {
    return null;
  }
}

/**
 * Refresh tokens name their clinic and session (so the server can find them under row-level
 * security) and carry 256 random bits; only a SHA-256 of the whole token is stored.
 */
export function newRefreshToken(clinicId: string, sessionId: string): string {
  return `${clinicId}.${sessionId}.${randomBytes(32).toString('base64url')}`;
}

export function parseRefreshToken(token: string): { clinicId: string; sessionId: string } | null {
  const parsed = parseScopedToken(token);
  return parsed ? { clinicId: parsed.clinicId, sessionId: parsed.rowId } : null;
}

/** `clinicId.rowId.random`: the shape of refresh tokens and emailed one-time links. */
export function parseScopedToken(token: string): { clinicId: string; rowId: string } | null {
  const match = /^([0-9a-f-]{36})\.([0-9a-f-]{36})\.[A-Za-z0-9_-]{43}$/.exec(token);
  return match?.[1] && match[2] ? { clinicId: match[1], rowId: match[2] } : null;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const MFA_PURPOSE = 'mfa';

/**
 * Proof that the password was right, good for five minutes and only for finishing sign-in
 * with a TOTP or recovery code.
 */
export async function signMfaChallenge(
  subject: { clinicId: string; userId: string },
  secret: string,
): Promise<string> {
  return new SignJWT({ cid: subject.clinicId, purpose: MFA_PURPOSE })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setSubject(subject.userId)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(secret));
}

export async function verifyMfaChallenge(
  token: string,
  secret: string,
): Promise<{ clinicId: string; userId: string } | null> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      issuer: ISSUER,
      algorithms: ['HS256'],
    });
    if (
      payload['purpose'] !== MFA_PURPOSE ||
      typeof payload.sub !== 'string' ||
      typeof payload['cid'] !== 'string'
    ) {
      return null;
    }
    return { clinicId: payload['cid'], userId: payload.sub };
  } catch {
    return null;
  }
}

import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as SECURITY.md sets it: SHA-1, six digits, 30-second steps, one step either side. */
const PERIOD_SECONDS = 30;
const WINDOW_STEPS = 1;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, account: string): TOTP {
  return new TOTP({
    issuer: 'Mend',
    label: account,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function totpUri(secretBase32: string, account: string): string {
  return totp(secretBase32, account).toString();
}

/**
 * The time step a code belongs to, or null when it matches none in the window. Callers keep
 * the last accepted step and refuse any step not after it, so each code works once.
 */
export function matchTotpStep(secretBase32: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secretBase32, 'check').validate({
    token: code,
    timestamp: now.getTime(),
    window: WINDOW_STEPS,
  });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

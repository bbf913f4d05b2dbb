import { createHash, randomInt } from 'node:crypto';

/** Ten codes, each used at most once; shown once at enrolment, stored only as hashes. */
export const RECOVERY_CODE_COUNT = 10;

// No 0/O or 1/I/L, so a code copied from paper is read back right.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/** Case, spaces and dashes do not matter when the code is typed back. */
export function hashRecoveryCode(code: string): string {
  const normalised = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return createHash('sha256').update(`mend-recovery:${normalised}`).digest('hex');
}

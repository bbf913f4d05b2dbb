import { ARGON2_OPTIONS, hashPassword, verifyPassword } from './password-hasher';
import { passwordProblem } from './password-policy';

describe('password hashing', () => {
  it('uses argon2id with at least m=19456 KiB, t=2, p=1', async () => {
    const hash = await hashPassword('a long enough passphrase');
    const [algorithm, version, params] = hash.split('$').slice(1);
    expect(algorithm).toBe('argon2id');
    expect(version).toBe('v=19');
    const settings = Object.fromEntries(
      (params ?? '').split(',').map((pair) => pair.split('=') as [string, string]),
    );
    expect(Number(settings['m'])).toBeGreaterThanOrEqual(19_456);
    expect(Number(settings['t'])).toBeGreaterThanOrEqual(2);
    expect(Number(settings['p'])).toBe(ARGON2_OPTIONS.parallelism);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery!')).toBe(false);
  });
});

describe('password policy', () => {
  it.each([
    ['short1', 'must be at least 8 characters'],
    ['x'.repeat(129), 'must be at most 128 characters'],
    ['Password1', 'is too common; choose another'],
    ['qwertyuiop', 'is too common; choose another'],
    ['aaaaaaaa', 'must not be one character repeated'],
    ['ññññññññññ', 'must not be one character repeated'],
    [' '.repeat(8), 'must not be only spaces'],
    ['\t \n \t \n ', 'must not be only spaces'],
  ])('refuses %p', (password, reason) => {
    expect(passwordProblem(password)).toBe(reason);
  });

  it('accepts a long uncommon passphrase, spaces and repeats inside it included', () => {
    expect(passwordProblem('rivers remember the rain')).toBeNull();
    expect(passwordProblem('aaaaaaab')).toBeNull();
    expect(passwordProblem('  two  words  ')).toBeNull();
  });
});

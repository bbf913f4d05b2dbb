/**
 * Passwords people pick first (from public breach statistics). Rejecting them blocks the
 * guesses an attacker tries first; length does the rest.
 */
const COMMON_PASSWORDS = new Set([
  '123456',
  '123456789',
  '12345678',
  'password',
  'qwerty123',
  'qwerty',
  '1234567890',
  '111111',
  '1234567',
  'password1',
  '123123',
  'abc123',
  'iloveyou',
  '000000',
  'qwertyuiop',
  'password123',
  'admin123',
  'welcome1',
  'letmein',
  'monkey123',
  'football',
  'baseball',
  'sunshine',
  'princess',
  'dragon123',
  'trustno1',
  'passw0rd',
  'p@ssw0rd',
  'welcome123',
  'changeme',
  'asdfghjkl',
  'superman',
  'starwars',
  'whatever',
  'michael1',
  'shadow123',
  'master123',
  'jennifer',
  'hunter22',
  'zaq12wsx',
  '1q2w3e4r',
  '1q2w3e4r5t',
  'qazwsxedc',
  'aa123456',
  'loveyou1',
  'iloveyou1',
  'secret123',
  'mypassword',
  'default1',
  'login123',
  '11111111',
  '22222222',
  '88888888',
  '12341234',
  '987654321',
  '123qweasd',
  'q1w2e3r4',
  'charlie1',
  'freedom1',
  'computer',
  'internet',
  'samsung1',
  'liverpool',
  'chelsea1',
  'soccer12',
  'summer2024',
  'summer2025',
  'winter2025',
  'spring2026',
  'password2026',
]);

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** The reason a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN) return `must be at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `must be at most ${PASSWORD_MAX} characters`;
  // Length alone let "aaaaaaaa" and eight spaces through: the first guesses of any attacker.
  if (password.trim() === '') return 'must not be only spaces';
  if (new Set(password).size === 1) return 'must not be one character repeated';
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return 'is too common; choose another';
  return null;
}

/** Longest key slugSchema accepts, less room for a "-99" suffix. */
const MAX_BASE_LENGTH = 60;

/**
 * A key from a title: lowercase ASCII words joined by "-" (accents dropped, so "Diálogo
 * diario" becomes "dialogo-diario"), starting with a letter as keys must.
 */
export function keyFromTitle(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  let key = '';
  for (const word of words) {
    const next = key === '' ? word : `${key}-${word}`;
    if (next.length > MAX_BASE_LENGTH) {
      if (key === '') key = word.slice(0, MAX_BASE_LENGTH);
      break;
    }
    key = next;
  }
  if (key === '') return 'exercise';
  return /^[a-z]/.test(key) ? key : `exercise-${key}`.slice(0, MAX_BASE_LENGTH).replace(/-$/, '');
}

/** The base key, or the base with the first free "-2", "-3", … suffix. */
export function firstFreeKey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

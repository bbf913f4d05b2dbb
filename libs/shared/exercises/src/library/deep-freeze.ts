/**
 * Seed data is shared by every caller in the process; freezing it turns an accidental edit
 * (say, sorting a template's prompts in place) into an immediate error instead of a quiet change
 * to every clinic's library.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

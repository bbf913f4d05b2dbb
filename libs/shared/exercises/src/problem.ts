import type { z } from 'zod';

/**
 * One thing wrong with an input. `field` is a dotted path a client or an author can point at
 * (`answers.how_was_today`, `prompts[2].options`), so an API can return problems unchanged.
 */
export interface Problem {
  field: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** `['prompts', 2, 'options']` → `prompts[2].options`; an empty path becomes `root`. */
export function formatPath(path: ReadonlyArray<PropertyKey>, root: string): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out === '' ? root : out;
}

export function issuesToProblems(issues: ReadonlyArray<z.core.$ZodIssue>, root: string): Problem[] {
  return issues.map((issue) => ({ field: formatPath(issue.path, root), message: issue.message }));
}

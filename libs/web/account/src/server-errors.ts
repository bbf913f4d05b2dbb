import type { AccountFailure } from '@mend/web-auth';

/**
 * The API names the field and explains in English fragments ("is too common; choose another").
 * Known password rules get the reader's language; anything else is shown as the server said it.
 */
export function passwordFieldError(message: string): string {
  if (/common/i.test(message)) return 'mend.password.too_common';
  if (/only spaces|repeated/i.test(message)) return 'mend.password.too_simple';
  if (/at least/i.test(message)) return 'mend.password.too_short';
  if (/at most/i.test(message)) return 'mend.password.too_long';
  return message;
}

/** Field errors for react-admin's form, keyed as the form's inputs are. */
export function formErrors(failure: AccountFailure): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(failure.fields)) {
    if (field === 'token') continue;
    errors[field] = field === 'password' ? passwordFieldError(message) : message;
  }
  return errors;
}

import { PasswordInput, type Validator, maxLength, minLength } from 'react-admin';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** Like `required()` but without the asterisk: both fields are plainly needed. */
const chosen: Validator = (value: unknown) =>
  typeof value === 'string' && value !== '' ? undefined : 'mend.password.required';

const matchesPassword: Validator = (value: unknown, values: Record<string, unknown>) =>
  value === values['password'] ? undefined : 'mend.password.mismatch';

/**
 * A new password and its confirmation, with the rules written under the field before anyone
 * gets them wrong. The server's verdict (e.g. "is too common") lands on the same field.
 */
export const NewPasswordFields = ({ label }: { label: string }) => (
  <>
    <PasswordInput
      source="password"
      label={label}
      autoComplete="new-password"
      size="medium"
      validate={[
        chosen,
        minLength(PASSWORD_MIN, 'mend.password.too_short'),
        maxLength(PASSWORD_MAX, 'mend.password.too_long'),
      ]}
      helperText="mend.password.rules"
    />
    <PasswordInput
      source="confirmPassword"
      label="mend.password.confirm"
      autoComplete="new-password"
      size="medium"
      validate={[chosen, matchesPassword]}
      helperText={false}
    />
  </>
);

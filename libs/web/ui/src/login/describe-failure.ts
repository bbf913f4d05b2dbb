import type { AlertColor } from '@mui/material/Alert';
import type { TranslateFunction } from 'react-admin';
import { isSignInError } from '@mend/web-auth';

export interface Failure {
  text: string;
  severity: AlertColor;
}

/** Below this many seconds a countdown in seconds reads better than "about 1 minute". */
const SECONDS_DISPLAY_LIMIT = 90;

export function describeWait(wait: number | null, translate: TranslateFunction): string {
  if (wait === null) {
    return translate('mend.login.failure.rate_limited');
  }
  return wait < SECONDS_DISPLAY_LIMIT
    ? translate('mend.login.failure.rate_limited_seconds', { smart_count: Math.max(1, wait) })
    : translate('mend.login.failure.rate_limited_minutes', { smart_count: Math.ceil(wait / 60) });
}

export function describeFailure(error: unknown, translate: TranslateFunction): Failure {
  if (!isSignInError(error)) {
    return { text: translate('mend.login.failure.unavailable'), severity: 'error' };
  }
  switch (error.failure) {
    case 'mfa_required':
      return { text: translate('mend.login.failure.mfa_required'), severity: 'info' };
    case 'invalid_credentials':
      return { text: translate('mend.login.failure.invalid_credentials'), severity: 'error' };
    case 'invalid_code':
      return { text: translate('mend.mfa.failure.invalid_code'), severity: 'error' };
    case 'mfa_expired':
      return { text: translate('mend.mfa.failure.expired'), severity: 'info' };
    case 'rate_limited':
      return { text: describeWait(error.retryAfterSeconds, translate), severity: 'warning' };
    case 'unavailable':
      return { text: translate('mend.login.failure.unavailable'), severity: 'error' };
  }
}

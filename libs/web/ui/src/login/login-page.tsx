import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useEffect, useState } from 'react';
import {
  Form,
  Link,
  PasswordInput,
  TextInput,
  type Validator,
  email,
  useCheckAuth,
  useLocation,
  useLogin,
  useNavigate,
  useTranslate,
} from 'react-admin';
import { type MfaChallenge, isSignInError } from '@mend/web-auth';

import { AuthShell, StepHeading } from '../auth-shell';
import { SIGNED_OUT_REASON_PARAM } from '../inactivity/inactivity-guard';
import { type Failure, describeFailure } from './describe-failure';
import { RecoveryCodesStep } from './recovery-codes-step';
import { SecondFactorStep } from './second-factor-step';

/*
 * Same check as react-admin's `required()`, without the flag that adds an asterisk to the label:
 * on a two-field sign-in form every field is obviously needed and the marks are only noise.
 */
export const filledIn: Validator = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? undefined : 'ra.validation.required';

/** What the account pages may hand over when they send someone here to sign in. */
export interface LoginNotice {
  notice: 'account_ready' | 'password_changed' | 'signed_out_inactive';
  email?: string;
}

function readNotice(state: unknown, search: string): LoginNotice | null {
  if (new URLSearchParams(search).get(SIGNED_OUT_REASON_PARAM) === 'inactive') {
    return { notice: 'signed_out_inactive' };
  }
  if (typeof state !== 'object' || state === null) {
    return null;
  }
  const notice: unknown = (state as Record<string, unknown>)['notice'];
  const address: unknown = (state as Record<string, unknown>)['email'];
  if (notice !== 'account_ready' && notice !== 'password_changed') {
    return null;
  }
  return typeof address === 'string' ? { notice, email: address } : { notice };
}

type Step =
  | { kind: 'password' }
  | { kind: 'second-factor'; challenge: MfaChallenge }
  | { kind: 'recovery-codes'; codes: string[] };

export const LoginPage = () => {
  const translate = useTranslate();
  const login = useLogin();
  const checkAuth = useCheckAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [notice] = useState(() => readNotice(location.state, location.search));
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [failure, setFailure] = useState<Failure | null>(null);
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    // Someone who is still signed in (another tab, a bookmark to /login) goes straight in.
    checkAuth({}, false)
      .then(() => navigate('/'))
      .catch(() => undefined);
  }, [checkAuth, navigate]);

  const submit = async (values: Record<string, unknown>) => {
    setFailure(null);
    setSubmitting(true);
    try {
      await login(values);
    } catch (error) {
      setSubmitting(false);
      if (isSignInError(error) && error.failure === 'mfa_required' && error.challenge !== null) {
        setStep({ kind: 'second-factor', challenge: error.challenge });
        return;
      }
      setFailure(describeFailure(error, translate));
    }
  };

  const startOver = (reason: Failure | null) => {
    setFailure(reason);
    setStep({ kind: 'password' });
  };

  if (step.kind === 'second-factor') {
    return (
      <AuthShell>
        <SecondFactorStep
          challenge={step.challenge}
          onStartOver={startOver}
          onRecoveryCodes={(codes) => setStep({ kind: 'recovery-codes', codes })}
        />
      </AuthShell>
    );
  }

  if (step.kind === 'recovery-codes') {
    return (
      <AuthShell>
        <RecoveryCodesStep codes={step.codes} onContinue={() => navigate('/')} />
      </AuthShell>
    );
  }

  return (
    <AuthShell>
      <StepHeading focusOnMount={failure !== null}>{translate('mend.login.heading')}</StepHeading>

      {failure === null && notice !== null && (
        <Alert
          severity={notice.notice === 'signed_out_inactive' ? 'info' : 'success'}
          role="status"
          sx={{ my: 2 }}
        >
          {translate(`mend.login.notice.${notice.notice}`)}
        </Alert>
      )}
      {failure !== null && (
        <Alert severity={failure.severity} role="alert" sx={{ my: 2 }}>
          {failure.text}
        </Alert>
      )}

      <Form onSubmit={submit} noValidate defaultValues={{ email: notice?.email ?? '' }}>
        <TextInput
          source="email"
          type="email"
          label={translate('mend.login.email')}
          autoComplete="username"
          size="medium"
          inputMode="email"
          validate={[filledIn, email()]}
          helperText={false}
        />
        <PasswordInput
          source="password"
          label={translate('mend.login.password')}
          autoComplete="current-password"
          size="medium"
          validate={filledIn}
          helperText={false}
        />
        <Button
          type="submit"
          variant="contained"
          size="large"
          fullWidth
          loading={submitting}
          sx={{ mt: 3 }}
        >
          {translate('ra.auth.sign_in')}
        </Button>
      </Form>
      <Box sx={{ mt: 2, textAlign: 'center' }}>
        <Link to="/forgot-password">{translate('mend.login.forgot_password')}</Link>
      </Box>
      <Box sx={{ mt: 1, textAlign: 'center' }}>
        <Link to="/signup">{translate('mend.login.new_clinic')}</Link>
      </Box>
    </AuthShell>
  );
};

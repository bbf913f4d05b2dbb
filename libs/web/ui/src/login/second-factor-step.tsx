import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { type FormEvent, useEffect, useState } from 'react';
import { useLocation, useLogin, useTranslate } from 'react-admin';
import {
  type MfaChallenge,
  type MfaEnrolment,
  type SignInOutcome,
  isSignInError,
  startMfaEnrolment,
} from '@mend/web-auth';

import { StepHeading } from '../auth-shell';
import {
  CodeField,
  RECOVERY_CODE_PATTERN,
  TOTP_PATTERN,
  normaliseRecoveryCode,
  normaliseTotp,
} from './code-field';
import { CopyableSecret } from './copyable-secret';
import { type Failure, describeFailure } from './describe-failure';

interface SecondFactorStepProps {
  challenge: MfaChallenge;
  /** Back to the password step, with the reason to show there (or none). */
  onStartOver: (reason: Failure | null) => void;
  onRecoveryCodes: (codes: string[]) => void;
}

type Enrolment =
  | { state: 'not-needed' }
  | { state: 'loading' }
  | { state: 'ready'; enrolment: MfaEnrolment }
  | { state: 'failed'; failure: Failure };

export const SecondFactorStep = ({
  challenge,
  onStartOver,
  onRecoveryCodes,
}: SecondFactorStepProps) => {
  const translate = useTranslate();
  const login = useLogin();
  const location = useLocation();
  const [enrolment, setEnrolment] = useState<Enrolment>(
    challenge.enrolmentRequired ? { state: 'loading' } : { state: 'not-needed' },
  );
  const [useRecoveryCode, setUseRecoveryCode] = useState(false);
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [attempts, setAttempts] = useState(0);

  const enrolling = enrolment.state !== 'not-needed';

  useEffect(() => {
    if (!challenge.enrolmentRequired) {
      return;
    }
    let current = true;
    startMfaEnrolment(challenge.challengeToken).then(
      (started) => {
        if (current) setEnrolment({ state: 'ready', enrolment: started });
      },
      (error: unknown) => {
        if (!current) return;
        if (isSignInError(error) && error.failure === 'mfa_expired') {
          onStartOver(describeFailure(error, translate));
        } else if (isSignInError(error) && error.failure === 'mfa_required') {
          // Enrolled in another tab meanwhile: a code from the app is all that is needed now.
          setEnrolment({ state: 'not-needed' });
        } else {
          setEnrolment({ state: 'failed', failure: describeFailure(error, translate) });
        }
      },
    );
    return () => {
      current = false;
    };
    // The challenge is fixed for the life of this step; translate and the callback are not inputs.
  }, [challenge]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const value = useRecoveryCode ? normaliseRecoveryCode(code) : normaliseTotp(code);
    if (!(useRecoveryCode ? RECOVERY_CODE_PATTERN : TOTP_PATTERN).test(value)) {
      setFieldError(
        translate(useRecoveryCode ? 'mend.mfa.recovery_code_format' : 'mend.mfa.code_format'),
      );
      return;
    }
    setFieldError(null);
    setSubmitting(true);
    const verification = useRecoveryCode
      ? { challengeToken: challenge.challengeToken, recoveryCode: value }
      : { challengeToken: challenge.challengeToken, code: value };
    try {
      // Completing enrolment stays on this page (the recovery codes come next); otherwise
      // react-admin goes on to where the person was heading.
      const outcome: SignInOutcome | undefined = await login(
        verification,
        enrolling ? location.pathname : undefined,
      );
      if (outcome?.recoveryCodes !== undefined) {
        onRecoveryCodes(outcome.recoveryCodes);
      }
    } catch (error) {
      setSubmitting(false);
      if (isSignInError(error) && error.failure === 'mfa_expired') {
        onStartOver(describeFailure(error, translate));
        return;
      }
      setCode('');
      setFailure(describeFailure(error, translate));
      setAttempts((count) => count + 1);
    }
  };

  const heading = enrolling ? 'mend.mfa.enrol.heading' : 'mend.mfa.verify.heading';

  return (
    <Box component="section" aria-labelledby="second-factor-heading">
      <Box id="second-factor-heading">
        <StepHeading>{translate(heading)}</StepHeading>
      </Box>

      {enrolment.state === 'loading' && (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, my: 3 }} role="status">
          <CircularProgress size={24} aria-hidden />
          <Typography color="text.secondary">{translate('mend.mfa.enrol.loading')}</Typography>
        </Box>
      )}

      {enrolment.state === 'failed' && (
        <Alert severity={enrolment.failure.severity} role="alert" sx={{ my: 2 }}>
          {enrolment.failure.text}
        </Alert>
      )}

      {enrolment.state === 'ready' && (
        <>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {translate('mend.mfa.enrol.intro')}
          </Typography>
          <Box
            component="img"
            src={enrolment.enrolment.qrCodeDataUrl}
            alt={translate('mend.mfa.enrol.qr_alt')}
            width={184}
            height={184}
            sx={{
              display: 'block',
              mx: 'auto',
              p: 1,
              bgcolor: '#fff',
              border: 1,
              borderColor: 'divider',
              borderRadius: 2,
            }}
          />
          <CopyableSecret secret={enrolment.enrolment.secret} />
          <Typography color="text.secondary" sx={{ mt: 2 }}>
            {translate('mend.mfa.enrol.enter_code')}
          </Typography>
        </>
      )}

      {enrolment.state === 'not-needed' && (
        <Typography color="text.secondary" sx={{ mb: 1 }}>
          {translate(useRecoveryCode ? 'mend.mfa.verify.intro_recovery' : 'mend.mfa.verify.intro')}
        </Typography>
      )}

      {failure !== null && (
        <Alert severity={failure.severity} role="alert" sx={{ mt: 2 }}>
          {failure.text}
        </Alert>
      )}

      {(enrolment.state === 'ready' || enrolment.state === 'not-needed') && (
        <Box component="form" noValidate onSubmit={(event) => void submit(event)}>
          <CodeField
            kind={useRecoveryCode ? 'recovery' : 'totp'}
            label={translate(useRecoveryCode ? 'mend.mfa.recovery_code' : 'mend.mfa.code')}
            helperText={translate(
              useRecoveryCode ? 'mend.mfa.recovery_code_help' : 'mend.mfa.code_help',
            )}
            error={fieldError}
            focusKey={attempts}
            focusOnMount={!enrolling}
            value={code}
            onChange={(next) => {
              setCode(next);
              setFieldError(null);
            }}
          />
          <Button
            type="submit"
            variant="contained"
            size="large"
            fullWidth
            loading={submitting}
            sx={{ mt: 2 }}
          >
            {translate('mend.mfa.verify.submit')}
          </Button>
        </Box>
      )}

      <Box sx={{ mt: 2, display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between' }}>
        {enrolment.state === 'not-needed' && (
          <Button
            variant="text"
            onClick={() => {
              setUseRecoveryCode((previous) => !previous);
              setCode('');
              setFieldError(null);
              setFailure(null);
            }}
          >
            {translate(
              useRecoveryCode ? 'mend.mfa.verify.use_app_code' : 'mend.mfa.verify.use_recovery',
            )}
          </Button>
        )}
        <Button variant="text" color="inherit" onClick={() => onStartOver(null)}>
          {translate('mend.mfa.start_over')}
        </Button>
      </Box>
    </Box>
  );
};

import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { Link, useTranslate } from 'react-admin';
import { verifyClinicEmail } from '@mend/web-auth';
import { AuthShell, StepHeading, describeWait } from '@mend/web-ui';

import { useLinkToken } from './use-link-token';

import { BackToSignIn } from './common/signed-out-parts';

type Verification =
  | { state: 'checking' }
  | { state: 'verified' }
  | { state: 'spent' }
  | { state: 'failed'; text: string };

/**
 * The page behind the link a new clinic's admin is mailed at signup: it confirms the address at
 * once (the link is the proof) and sends them on to sign in, where two-step sign-in is set up.
 */
export const VerifyEmailPage = () => {
  const translate = useTranslate();
  const token = useLinkToken();
  const [verification, setVerification] = useState<Verification>(
    token === null ? { state: 'spent' } : { state: 'checking' },
  );

  useEffect(() => {
    if (token === null) return;
    let current = true;
    void verifyClinicEmail(token).then((result) => {
      if (!current) return;
      if (result.ok) setVerification({ state: 'verified' });
      else if (result.reason === 'link') setVerification({ state: 'spent' });
      else if (result.reason === 'rate_limited')
        setVerification({
          state: 'failed',
          text: describeWait(result.retryAfterSeconds, translate),
        });
      else setVerification({ state: 'failed', text: translate('mend.login.failure.unavailable') });
    });
    return () => {
      current = false;
    };
  }, [token, translate]);

  return (
    <AuthShell>
      <StepHeading>{translate('mend.verify_email.heading')}</StepHeading>
      {verification.state === 'checking' && (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, my: 3 }} role="status">
          <CircularProgress size={24} aria-hidden />
          <Typography color="text.secondary">{translate('mend.verify_email.checking')}</Typography>
        </Box>
      )}
      {verification.state === 'verified' && (
        <>
          <Alert severity="success" role="status" sx={{ my: 2 }}>
            {translate('mend.verify_email.verified')}
          </Alert>
          <Button component={Link} to="/login" variant="contained" size="large" fullWidth>
            {translate('ra.auth.sign_in')}
          </Button>
        </>
      )}
      {verification.state === 'spent' && (
        <Alert severity="info" role="alert" sx={{ my: 2 }}>
          {translate('mend.verify_email.link_invalid')}
        </Alert>
      )}
      {verification.state === 'failed' && (
        <Alert severity="error" role="alert" sx={{ my: 2 }}>
          {verification.text}
        </Alert>
      )}
      {verification.state !== 'verified' && <BackToSignIn />}
    </AuthShell>
  );
};

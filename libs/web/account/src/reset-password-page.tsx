import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Form, Link, useNavigate, useTranslate } from 'react-admin';
import { completePasswordReset } from '@mend/web-auth';
import { AuthShell, StepHeading, describeWait } from '@mend/web-ui';

import { NewPasswordFields } from './password-fields';
import { formErrors } from './server-errors';
import { useLinkToken } from './use-link-token';

import { BackToSignIn, SubmitButton } from './common/signed-out-parts';

/** The page behind the emailed reset link: choose a new password, then sign in with it. */
export const ResetPasswordPage = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const token = useLinkToken();
  const [linkSpent, setLinkSpent] = useState(token === null);
  const [problem, setProblem] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: Record<string, unknown>) => {
    if (token === null) return undefined;
    setProblem(null);
    setSubmitting(true);
    const result = await completePasswordReset(token, String(values['password'] ?? ''));
    setSubmitting(false);
    if (result.ok) {
      navigate('/login', { state: { notice: 'password_changed' } });
      return undefined;
    }
    switch (result.reason) {
      case 'link':
        setLinkSpent(true);
        return undefined;
      case 'invalid':
        return formErrors(result);
      case 'rate_limited':
        setProblem(describeWait(result.retryAfterSeconds, translate));
        return undefined;
      case 'unavailable':
        setProblem(translate('mend.login.failure.unavailable'));
        return undefined;
    }
  };

  return (
    <AuthShell>
      <StepHeading>{translate('mend.reset.heading')}</StepHeading>
      {linkSpent ? (
        <>
          <Alert severity="info" role="alert" sx={{ my: 2 }}>
            {translate(token === null ? 'mend.reset.missing_token' : 'mend.reset.link_invalid')}
          </Alert>
          <Button component={Link} to="/forgot-password" variant="contained" fullWidth>
            {translate('mend.reset.request_new')}
          </Button>
        </>
      ) : (
        <>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {translate('mend.reset.intro')}
          </Typography>
          {problem !== null && (
            <Alert severity="error" role="alert" sx={{ my: 2 }}>
              {problem}
            </Alert>
          )}
          <Form onSubmit={submit} noValidate disableInvalidFormNotification>
            <NewPasswordFields label={translate('mend.reset.new_password')} />
            <SubmitButton submitting={submitting}>{translate('mend.reset.submit')}</SubmitButton>
          </Form>
        </>
      )}
      <BackToSignIn />
    </AuthShell>
  );
};

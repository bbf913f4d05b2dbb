import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Form, TextInput, email, useTranslate } from 'react-admin';
import { askForPasswordReset } from '@mend/web-auth';
import { AuthShell, StepHeading, describeWait, filledIn } from '@mend/web-ui';

import { BackToSignIn, SubmitButton } from './common/signed-out-parts';

/**
 * Asks for a reset link. The confirmation is the same whether or not the address has an account,
 * so the page cannot be used to find out who is a client of which clinic.
 */
export const ForgotPasswordPage = () => {
  const translate = useTranslate();
  const [sent, setSent] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: Record<string, unknown>) => {
    setProblem(null);
    setSubmitting(true);
    const result = await askForPasswordReset(String(values['email'] ?? ''));
    setSubmitting(false);
    if (result.ok) {
      setSent(true);
    } else if (result.reason === 'rate_limited') {
      setProblem(describeWait(result.retryAfterSeconds, translate));
    } else {
      setProblem(translate('mend.login.failure.unavailable'));
    }
  };

  return (
    <AuthShell>
      <StepHeading>{translate('mend.forgot.heading')}</StepHeading>
      {sent ? (
        <Alert severity="success" role="status" sx={{ my: 2 }}>
          {translate('mend.forgot.sent')}
        </Alert>
      ) : (
        <>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {translate('mend.forgot.intro')}
          </Typography>
          {problem !== null && (
            <Alert severity="error" role="alert" sx={{ my: 2 }}>
              {problem}
            </Alert>
          )}
          <Form onSubmit={submit} noValidate disableInvalidFormNotification>
            <TextInput
              source="email"
              type="email"
              label={translate('mend.login.email')}
              autoComplete="email"
              size="medium"
              inputMode="email"
              validate={[filledIn, email()]}
              helperText={false}
            />
            <SubmitButton submitting={submitting}>{translate('mend.forgot.submit')}</SubmitButton>
          </Form>
        </>
      )}
      <BackToSignIn />
    </AuthShell>
  );
};

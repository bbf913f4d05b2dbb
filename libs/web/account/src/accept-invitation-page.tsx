import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { Form, TextInput, maxLength, useNavigate, useTranslate } from 'react-admin';
import { type InvitationSummary, acceptInvitation, inspectInvitation } from '@mend/web-auth';
import { AuthShell, StepHeading, describeWait, filledIn } from '@mend/web-ui';

import { NewPasswordFields } from './password-fields';
import { formErrors } from './server-errors';
import { useLinkToken } from './use-link-token';

import { BackToSignIn, SubmitButton } from './common/signed-out-parts';

type Invitation =
  | { state: 'loading' }
  | { state: 'spent' }
  | { state: 'unavailable' }
  | { state: 'ready'; invitation: InvitationSummary };

/**
 * The page behind an invitation email: who invited them and as what, their name as the clinic
 * wrote it (theirs to correct), and a password. Then on to sign in, where staff of a clinic that
 * requires MFA set it up.
 */
export const AcceptInvitationPage = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const token = useLinkToken();
  const [invitation, setInvitation] = useState<Invitation>(
    token === null ? { state: 'spent' } : { state: 'loading' },
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    if (token === null) return;
    let current = true;
    void inspectInvitation(token).then((result) => {
      if (!current) return;
      if (result.ok) setInvitation({ state: 'ready', invitation: result.value });
      else setInvitation({ state: result.reason === 'link' ? 'spent' : 'unavailable' });
    });
    return () => {
      current = false;
    };
  }, [token]);

  const submit = async (values: Record<string, unknown>) => {
    if (token === null || invitation.state !== 'ready') return undefined;
    setProblem(null);
    setSubmitting(true);
    const displayName = String(values['displayName'] ?? '').trim();
    const result = await acceptInvitation({
      token,
      password: String(values['password'] ?? ''),
      ...(displayName !== '' && displayName !== invitation.invitation.displayName
        ? { displayName }
        : {}),
    });
    setSubmitting(false);
    if (result.ok) {
      navigate('/login', {
        state: { notice: 'account_ready', email: invitation.invitation.email },
      });
      return undefined;
    }
    switch (result.reason) {
      case 'link':
        setInvitation({ state: 'spent' });
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
      <StepHeading>{translate('mend.invitation.heading')}</StepHeading>
      {invitation.state === 'loading' && (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, my: 3 }} role="status">
          <CircularProgress size={24} aria-hidden />
          <Typography color="text.secondary">{translate('mend.invitation.loading')}</Typography>
        </Box>
      )}
      {invitation.state === 'spent' && (
        <Alert severity="info" role="alert" sx={{ my: 2 }}>
          {translate('mend.invitation.link_invalid')}
        </Alert>
      )}
      {invitation.state === 'unavailable' && (
        <Alert severity="error" role="alert" sx={{ my: 2 }}>
          {translate('mend.login.failure.unavailable')}
        </Alert>
      )}
      {invitation.state === 'ready' && (
        <>
          <Typography sx={{ mb: 1 }}>
            {translate('mend.invitation.greeting', {
              clinic: invitation.invitation.clinicName,
              role: translate(`mend.invitation.as_role.${invitation.invitation.role}`),
            })}
          </Typography>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {translate('mend.invitation.intro', { email: invitation.invitation.email })}
          </Typography>
          {problem !== null && (
            <Alert severity="error" role="alert" sx={{ my: 2 }}>
              {problem}
            </Alert>
          )}
          <Form
            onSubmit={submit}
            noValidate
            disableInvalidFormNotification
            defaultValues={{ displayName: invitation.invitation.displayName }}
          >
            <TextInput
              source="displayName"
              label={translate('mend.invitation.display_name')}
              autoComplete="name"
              size="medium"
              validate={[filledIn, maxLength(120)]}
              helperText="mend.invitation.display_name_help"
            />
            <NewPasswordFields label={translate('mend.invitation.password')} />
            <SubmitButton submitting={submitting}>
              {translate('mend.invitation.submit')}
            </SubmitButton>
          </Form>
        </>
      )}
      <BackToSignIn />
    </AuthShell>
  );
};

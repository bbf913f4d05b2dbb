import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import {
  AutocompleteInput,
  Form,
  TextInput,
  email,
  maxLength,
  minLength,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { signUpClinic } from '@mend/web-auth';
import { AuthShell, StepHeading, describeWait, filledIn } from '@mend/web-ui';

import { NewPasswordFields } from './password-fields';
import { timeZoneChoices } from './preferences/time-zones';
import { formErrors } from './server-errors';

import { BackToSignIn, SubmitButton } from './common/signed-out-parts';

const text = (values: Record<string, unknown>, name: string) => String(values[name] ?? '');

/**
 * Where a new clinic starts: its name and time zone, its first admin and their password. The
 * clinic can invite no one until the admin follows the link mailed to them, so the page ends on
 * "check your email"; two-step sign-in is set up at the first sign-in.
 */
export const SignupPage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // The browser's zone is the likeliest answer; the admin can change it later in the settings.
  const browserZone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone, []);
  const zones = useMemo(() => timeZoneChoices(browserZone), [browserZone]);

  const submit = async (values: Record<string, unknown>) => {
    setProblem(null);
    setSubmitting(true);
    const adminEmail = text(values, 'adminEmail').trim();
    const result = await signUpClinic({
      clinicName: text(values, 'clinicName'),
      timeZone: text(values, 'timeZone'),
      adminName: text(values, 'adminName'),
      adminEmail,
      password: text(values, 'password'),
      locale: locale === 'es' ? 'es' : 'en',
    });
    setSubmitting(false);
    if (result.ok) {
      setSentTo(adminEmail);
      return undefined;
    }
    switch (result.reason) {
      case 'invalid':
      case 'link':
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
      <StepHeading>
        {translate(sentTo === null ? 'mend.signup.heading' : 'mend.signup.sent_heading')}
      </StepHeading>
      {sentTo !== null ? (
        <Alert severity="success" role="status" sx={{ my: 2 }}>
          {translate('mend.signup.sent', { email: sentTo })}
        </Alert>
      ) : (
        <>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {translate('mend.signup.intro')}
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
            defaultValues={{ timeZone: browserZone }}
          >
            <TextInput
              source="clinicName"
              label={translate('mend.signup.clinic_name')}
              autoComplete="organization"
              size="medium"
              validate={[filledIn, minLength(2), maxLength(120)]}
              helperText={false}
            />
            <AutocompleteInput
              source="timeZone"
              choices={zones}
              label={translate('mend.signup.time_zone')}
              size="medium"
              helperText={translate('mend.signup.time_zone_help')}
              validate={filledIn}
              disableClearable
              fullWidth
            />
            <TextInput
              source="adminName"
              label={translate('mend.signup.admin_name')}
              autoComplete="name"
              size="medium"
              validate={[filledIn, maxLength(100)]}
              helperText={false}
            />
            <TextInput
              source="adminEmail"
              type="email"
              label={translate('mend.signup.admin_email')}
              autoComplete="email"
              size="medium"
              inputMode="email"
              validate={[filledIn, email(), maxLength(254)]}
              helperText="mend.signup.admin_email_help"
            />
            <NewPasswordFields label={translate('mend.login.password')} />
            <SubmitButton submitting={submitting}>{translate('mend.signup.submit')}</SubmitButton>
          </Form>
        </>
      )}
      <BackToSignIn />
    </AuthShell>
  );
};

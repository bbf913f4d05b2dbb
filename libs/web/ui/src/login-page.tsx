import Alert, { type AlertColor } from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import {
  Form,
  PasswordInput,
  TextInput,
  type TranslateFunction,
  type Validator,
  email,
  useCheckAuth,
  useLogin,
  useNavigate,
  useTranslate,
} from 'react-admin';
import { isSignInError } from '@mend/web-auth';

import { LocaleSwitch } from './locale-switch';

interface Failure {
  text: string;
  severity: AlertColor;
}

/*
 * Same check as react-admin's `required()`, without the flag that adds an asterisk to the label:
 * on a two-field sign-in form every field is obviously needed and the marks are only noise.
 */
const filledIn: Validator = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? undefined : 'ra.validation.required';

/** Below this many seconds a countdown in seconds reads better than "about 1 minute". */
const SECONDS_DISPLAY_LIMIT = 90;

function describeFailure(error: unknown, translate: TranslateFunction): Failure {
  if (!isSignInError(error)) {
    return { text: translate('mend.login.failure.unavailable'), severity: 'error' };
  }
  switch (error.failure) {
    case 'mfa_required':
      return { text: translate('mend.login.failure.mfa_required'), severity: 'info' };
    case 'invalid_credentials':
      return { text: translate('mend.login.failure.invalid_credentials'), severity: 'error' };
    case 'rate_limited': {
      const wait = error.retryAfterSeconds;
      const text =
        wait === null
          ? translate('mend.login.failure.rate_limited')
          : wait < SECONDS_DISPLAY_LIMIT
            ? translate('mend.login.failure.rate_limited_seconds', {
                smart_count: Math.max(1, wait),
              })
            : translate('mend.login.failure.rate_limited_minutes', {
                smart_count: Math.ceil(wait / 60),
              });
      return { text, severity: 'warning' };
    }
    case 'unavailable':
      return { text: translate('mend.login.failure.unavailable'), severity: 'error' };
  }
}

export const LoginPage = () => {
  const translate = useTranslate();
  const login = useLogin();
  const checkAuth = useCheckAuth();
  const navigate = useNavigate();
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
      setFailure(describeFailure(error, translate));
      setSubmitting(false);
    }
  };

  return (
    <Box
      component="main"
      sx={{
        minHeight: '100dvh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        gap: 2,
        px: 2,
        py: 4,
        background: (theme) =>
          `radial-gradient(circle at 50% 0%, ${theme.palette.background.paper} 0%, ${theme.palette.background.default} 70%)`,
      }}
    >
      <Card sx={{ width: '100%', maxWidth: 420 }}>
        <CardContent sx={{ p: { xs: 3, sm: 5 }, '&:last-child': { pb: { xs: 3, sm: 5 } } }}>
          <Typography component="h1" variant="h3" color="primary" sx={{ mb: 1 }}>
            {translate('mend.app.name')}
          </Typography>
          <Typography color="text.secondary" sx={{ mb: 4 }}>
            {translate('mend.app.tagline')}
          </Typography>
          <Typography component="h2" variant="h6" sx={{ mb: 1 }}>
            {translate('mend.login.heading')}
          </Typography>

          {failure !== null && (
            <Alert severity={failure.severity} role="alert" sx={{ my: 2 }}>
              {failure.text}
            </Alert>
          )}

          <Form onSubmit={submit} noValidate>
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
        </CardContent>
      </Card>
      <LocaleSwitch />
    </Box>
  );
};

/**
 * Mend's own wording, in English. This object is the reference shape: the Spanish catalogue is
 * typed against it, so a key added here and forgotten there fails the typecheck.
 */
export const mendMessagesEn = {
  mend: {
    app: {
      name: 'Mend',
      tagline: 'A steady place for the work between sessions.',
    },
    locale: {
      label: 'Language',
    },
    login: {
      heading: 'Welcome back',
      email: 'Email',
      password: 'Password',
      failure: {
        mfa_required: 'Multi-factor sign-in is required for this account',
        invalid_credentials: 'That email and password do not match an account. Please try again.',
        rate_limited_seconds:
          'Too many attempts. Please wait %{smart_count} second before trying again. |||| Too many attempts. Please wait %{smart_count} seconds before trying again.',
        rate_limited_minutes:
          'Too many attempts. Please wait about %{smart_count} minute before trying again. |||| Too many attempts. Please wait about %{smart_count} minutes before trying again.',
        rate_limited: 'Too many attempts. Please wait a little before trying again.',
        unavailable: 'Mend cannot be reached right now. Please try again in a moment.',
      },
    },
    dashboard: {
      greeting: 'Good to see you, %{name}.',
      greeting_anonymous: 'Good to see you.',
      intro: {
        clinic_admin:
          'Your clinic’s therapists, couples and recent activity will gather here as your team settles into Mend.',
        therapist:
          'The couples you support and the exercises you set between sessions will appear here.',
        client:
          'The exercises your therapist shares with you will appear here, ready whenever you are.',
        unknown: 'Your work in Mend will appear here as it begins.',
      },
    },
  },
};

export type MendMessages = typeof mendMessagesEn;

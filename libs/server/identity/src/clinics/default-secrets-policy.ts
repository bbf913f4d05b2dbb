/**
 * The starting secrets policy of a new clinic, written for clients. Clinics are expected to
 * replace it with their own; partners see and acknowledge whatever the clinic sets.
 */
export const DEFAULT_SECRETS_POLICY = [
  'Some of what you write here is just for your therapist. Your therapist reads those answers',
  'to understand you better and will not show or repeat them to your partner.',
  'If a private answer holds something your therapist believes matters for the couple work,',
  'they will talk with you first and help you decide whether and how to share it yourself.',
  'Your therapist will act without your agreement only where someone is at risk of serious harm,',
  'as the law and their professional duty require.',
].join(' ');

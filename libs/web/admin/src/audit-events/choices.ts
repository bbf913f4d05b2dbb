/**
 * The API filters `action` by an exact name or by a family prefix ending in ".". These are the
 * families people look for; new areas add theirs here.
 */
export const ACTION_FAMILY_CHOICES = [
  { id: 'auth.', name: 'mend.audit.family.auth' },
  { id: 'user.', name: 'mend.audit.family.user' },
  { id: 'clinic.', name: 'mend.audit.family.clinic' },
  { id: 'couple.', name: 'mend.audit.family.couple' },
  { id: 'exercise.', name: 'mend.audit.family.exercise' },
  { id: 'assignment.', name: 'mend.audit.family.assignment' },
  { id: 'response.', name: 'mend.audit.family.response' },
  { id: 'promise.', name: 'mend.audit.family.promise' },
  { id: 'safety.', name: 'mend.audit.family.safety' },
];

export const RECORD_TYPE_CHOICES = [
  'user',
  'clinic',
  'couple',
  'exercise',
  'program',
  'assignment',
  'occurrence',
  'response',
  'promise',
  'alert',
].map((type) => ({ id: type, name: `mend.audit.record_type.${type}` }));

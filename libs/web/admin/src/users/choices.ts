import { USER_STATUSES } from '@mend/shared-contracts';

/** Roles an admin can invite or give; clients join through their couple, not the Team page. */
export const STAFF_ROLE_CHOICES = [
  { id: 'therapist', name: 'mend.roles.therapist' },
  { id: 'clinic_admin', name: 'mend.roles.clinic_admin' },
];

export const ROLE_CHOICES = [...STAFF_ROLE_CHOICES, { id: 'client', name: 'mend.roles.client' }];

export const STATUS_CHOICES = USER_STATUSES.map((status) => ({
  id: status,
  name: `mend.users.status.${status}`,
}));

export const LOCALE_CHOICES = [
  { id: 'en', name: 'English' },
  { id: 'es', name: 'Español' },
];

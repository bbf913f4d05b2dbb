export const USER_ROLES = ['clinic_admin', 'therapist', 'client'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const USER_STATUSES = ['invited', 'active', 'deactivated'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const USER_TOKEN_PURPOSES = ['invitation', 'password_reset', 'email_verification'] as const;
export type UserTokenPurpose = (typeof USER_TOKEN_PURPOSES)[number];

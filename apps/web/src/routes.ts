export const CLINIC_SETTINGS_PATH = '/clinic-settings';

export { createI18nProvider, type MessageBundle } from './i18n-provider';
export {
  LOCALE_STORAGE_KEY,
  SUPPORTED_LOCALES,
  isMendLocale,
  readStoredLocale,
  type MendLocale,
} from './locale-store';
export type { MendMessages } from './mend-messages.en';
export { relativeTime } from './relative-time';

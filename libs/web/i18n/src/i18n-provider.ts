import deepmerge from '@mui/utils/deepmerge';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import type { I18nProvider, TranslationMessages } from 'react-admin';

import {
  type MendLocale,
  SUPPORTED_LOCALES,
  isMendLocale,
  resolveInitialLocale,
  storeLocale,
} from './locale-store';
import { mendMessagesEn } from './mend-messages.en';
import { mendMessagesEs } from './mend-messages.es';
import { raMessagesEs } from './ra-messages.es';

const english: TranslationMessages = { ...englishMessages, ...mendMessagesEn };

/*
 * Spanish is layered over the full English catalogue, so a react-admin string we have not
 * translated yet reads in English rather than as a raw key like "ra.action.export".
 */
const spanish: TranslationMessages = deepmerge(english, { ra: raMessagesEs, ...mendMessagesEs });

const catalogues: Record<MendLocale, TranslationMessages> = { en: english, es: spanish };

/** An area's own wording (kept in its library), merged over the shared catalogue. */
export type MessageBundle = Record<MendLocale, object>;

function applyDocumentLanguage(locale: MendLocale): void {
  // Screen readers pick their voice from <html lang>.
  document.documentElement.lang = locale;
}

export function createI18nProvider(...bundles: MessageBundle[]): I18nProvider {
  for (const bundle of bundles) {
    for (const { locale } of SUPPORTED_LOCALES) {
      catalogues[locale] = deepmerge(catalogues[locale], bundle[locale]);
    }
  }
  const initialLocale = resolveInitialLocale();
  applyDocumentLanguage(initialLocale);
  const polyglot = polyglotI18nProvider(
    (locale) => catalogues[isMendLocale(locale) ? locale : 'en'],
    initialLocale,
    [...SUPPORTED_LOCALES],
    // Keys missing from every catalogue show as themselves instead of spamming console warnings.
    { allowMissing: true },
  );
  return {
    ...polyglot,
    changeLocale: async (locale: string, options?: unknown) => {
      await polyglot.changeLocale(locale, options);
      if (isMendLocale(locale)) {
        storeLocale(locale);
        applyDocumentLanguage(locale);
      }
    },
  };
}

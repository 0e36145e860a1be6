// i18next with Bahasa Indonesia first; the chosen language is remembered in the browser.
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { formatNumber, type Locale } from '../format';
import { en } from './en';
import { id } from './id';

const STORAGE_KEY = 'binaan.language';

export function initialLocale(): Locale {
  if (typeof localStorage === 'undefined') return 'id';
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id';
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: initialLocale(),
  fallbackLng: 'id',
  interpolation: { escapeValue: false },
  initImmediate: false,
  showSupportNotice: false,
});

export function setLocale(locale: Locale): void {
  void i18n.changeLanguage(locale);
  if (typeof localStorage !== 'undefined') localStorage.setItem(STORAGE_KEY, locale);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** The translation function, the current locale for formatting, and "numerator of denominator" for a share. */
export function useI18n() {
  const { t, i18n: instance } = useTranslation();
  const locale: Locale = instance.language === 'en' ? 'en' : 'id';
  const parts = (ratio: { numerator: number; denominator: number }) =>
    t('common.ofTotal', {
      numerator: formatNumber(ratio.numerator, locale),
      denominator: formatNumber(ratio.denominator, locale),
    });
  return { t, locale, parts };
}

// Translation keys are typed from the Indonesian text: a key that does not exist (a new enum value
// without its label, a typo) fails the type check instead of showing the raw key on screen.
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof id };
  }
}

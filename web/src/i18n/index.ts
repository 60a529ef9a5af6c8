import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../../../src/platform/contract';
import { setLanguageProvider } from '../shared/api/client';
import { en } from './en';
import { fr } from './fr';

export const resources = { fr: { translation: fr }, en: { translation: en } };
export const DEFAULT_LANGUAGE: Locale = 'fr';
const STORAGE_KEY = 'passerelle.language';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The language the user chose explicitly (persisted), if any. */
export function storedLanguage(): Locale | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function currentLanguage(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

/** Switches the UI language, remembers it and updates `<html lang>`. */
export async function setLanguage(language: Locale, { persist = true } = {}): Promise<void> {
  if (persist) {
    try {
      window.localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Storage may be unavailable (private browsing); the choice then lasts for this page only.
    }
  }
  await i18n.changeLanguage(language);
}

export function initI18n(language: Locale = storedLanguage() ?? DEFAULT_LANGUAGE) {
  if (!i18n.isInitialized) {
    i18n.on('languageChanged', (lng) => {
      document.documentElement.lang = lng;
    });
    void i18n.use(initReactI18next).init({
      resources,
      lng: language,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: [...LOCALES],
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
    document.documentElement.lang = i18n.language;
    setLanguageProvider(() => currentLanguage());
  } else if (i18n.language !== language) {
    void i18n.changeLanguage(language);
  }
  return i18n;
}

export { i18n };

import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { MessageKey } from './es';
import { translator } from './translate';

export type Lang = 'es' | 'en';
export interface Localized {
  es: string;
  en: string;
}

const STORAGE_KEY = 'crm.lang';

/** The language chosen before, else the browser's, else Spanish (the product's first language). */
function initialLang(): Lang {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'es' || saved === 'en') return saved;
  return navigator.language?.startsWith('en') ? 'en' : 'es';
}

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** A dictionary text with `{name}` placeholders filled. */
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** A text the server or a definition gives in both languages. */
  l(text: Localized | undefined | null): string;
  /** Numbers and dates in the chosen language's conventions. */
  locale: string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => ({ lang, setLang, ...translator(lang) }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** The current language outside React (the API client sends it as Accept-Language). */
export function currentLang(): Lang {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'es';
}

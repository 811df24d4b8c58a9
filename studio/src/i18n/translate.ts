import { en } from './en';
import { es, type MessageKey } from './es';
import type { I18n, Lang } from './i18n';

const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { es, en };

/** One language's texts: `t` fills a dictionary text's `{name}` placeholders, `l` picks a bilingual text's side (Spanish when it is blank). */
export function translator(lang: Lang): Pick<I18n, 't' | 'l' | 'locale'> {
  const dictionary = DICTIONARIES[lang];
  return {
    locale: lang === 'es' ? 'es-CO' : 'en-US',
    t: (key, values) => {
      const text = dictionary[key] ?? key;
      return values ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole)) : text;
    },
    l: (text) => (text ? text[lang] || text.es : ''),
  };
}

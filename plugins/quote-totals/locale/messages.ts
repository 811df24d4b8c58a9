import type { LocalizedText, Locale } from '@crm/engine';
import en from './en.json';
import es from './es.json';

export type MessageKey = keyof typeof es;
/** Placeholder values; a LocalizedText value fills each language with its own text. */
export type MessageParams = Record<string, string | number | LocalizedText>;

const TEXTS: Record<Locale, Record<MessageKey, string>> = { es, en };

const fill = (template: string, params: MessageParams, locale: Locale): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const value = params[name];
    return typeof value === 'object' ? value[locale] : String(value);
  });

/** A text of this plugin in both languages, with `{name}` placeholders filled. */
export function text(key: MessageKey, params: MessageParams = {}): LocalizedText {
  return { es: fill(TEXTS.es[key], params, 'es'), en: fill(TEXTS.en[key], params, 'en') };
}

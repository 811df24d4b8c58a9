import { type Lang, useI18n } from '../i18n/i18n';

/** es / en, remembered in localStorage by the i18n provider. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <select className="lang-switch" aria-label={t('lang.label')} value={lang} onChange={(e) => setLang(e.target.value as Lang)} data-testid="lang-switch">
      <option value="es">{t('lang.es')}</option>
      <option value="en">{t('lang.en')}</option>
    </select>
  );
}

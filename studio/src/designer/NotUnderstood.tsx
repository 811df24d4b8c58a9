import { useI18n } from '../i18n/i18n';

/** What the assistant did not act on, said plainly instead of guessed (S2). */
export function NotUnderstood({ parts }: { parts: string[] }) {
  const { t } = useI18n();
  if (parts.length === 0) return null;
  return (
    <div className="not-understood" role="note" data-testid="not-understood">
      <p>{t('ai.notUnderstood')}</p>
      <ul>
        {parts.map((part) => (
          <li key={part}>«{part}»</li>
        ))}
      </ul>
    </div>
  );
}

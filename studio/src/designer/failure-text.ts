import { ApiFailure } from '../api/api-error';
import type { I18n } from '../i18n/i18n';

/** An API refusal as one readable text: the message, then each issue with where it is. */
export function failureText(failure: unknown, l: I18n['l']): string {
  if (failure instanceof ApiFailure) {
    const details = failure.details.map((d) => `${d.path ? `${d.path}: ` : ''}${l(d.message)}`);
    return [l(failure.text), ...details].join(' · ');
  }
  return failure instanceof Error ? failure.message : String(failure);
}

import type { IconButtonProps } from '@rjsf/utils';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/es';

/** rjsf's default buttons draw Bootstrap 3 glyph icons the Studio does not ship; these say what they do, in both languages. */
function textButton(key: MessageKey, className: string) {
  return function TextButton({ onClick, disabled }: IconButtonProps) {
    const { t } = useI18n();
    return (
      <button type="button" className={className} onClick={onClick} disabled={disabled}>
        {t(key)}
      </button>
    );
  };
}

export const formButtons = {
  AddButton: textButton('record.addRow', 'add-row'),
  RemoveButton: textButton('record.removeRow', 'link remove-row'),
  CopyButton: textButton('record.copyRow', 'link'),
  MoveUpButton: textButton('record.moveUp', 'link'),
  MoveDownButton: textButton('record.moveDown', 'link'),
};

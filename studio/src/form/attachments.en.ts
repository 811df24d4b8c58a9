import type { AttachmentsMessageKey } from './attachments.es';

/** Texts of attachments and the tipificación button, in English; the type makes every Spanish key mandatory. */
export const attachmentsEn: Record<AttachmentsMessageKey, string> = {
  'files.add': 'Attach file',
  'files.uploading': 'Uploading {name}… {percent} %',
  'files.remove': 'Remove',
  'files.allowed': 'Allowed types: {types} · up to {size} MB · up to {count} files',
  'files.none': 'No attachments.',
  'files.tooMany': 'Up to {count} files are allowed.',
  'tipificar.button': 'Disposition',
  'tipificar.title': 'Set the disposition',
  'tipificar.empty': 'The administrator has not set up dispositions for this module.',
  'tipificar.saved': 'Disposition saved: {path}',
  'tipificar.subject': 'Disposition: {path}',
  'tipificar.cancel': 'Cancel',
};

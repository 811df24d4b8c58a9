/** Texts of attachments and the tipificación button (R2), in Spanish. */
export const attachmentsEs = {
  'files.add': 'Adjuntar archivo',
  'files.uploading': 'Subiendo {name}… {percent} %',
  'files.remove': 'Quitar',
  'files.allowed': 'Tipos permitidos: {types} · máximo {size} MB · hasta {count} archivos',
  'files.none': 'Sin adjuntos.',
  'files.tooMany': 'Se permiten hasta {count} archivos.',
  'tipificar.button': 'Tipificar',
  'tipificar.title': 'Tipificar el registro',
  'tipificar.empty': 'El administrador no configuró tipificaciones para este módulo.',
  'tipificar.saved': 'Tipificación guardada: {path}',
  'tipificar.subject': 'Tipificación: {path}',
  'tipificar.cancel': 'Cancelar',
} as const;

export type AttachmentsMessageKey = keyof typeof attachmentsEs;

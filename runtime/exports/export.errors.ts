import { ApiError } from '../core/api-error';

/** Why a download link is refused: one code per reason, in both languages. */
export const exportErrors = {
  notFound: (id: string) => ApiError.notFound({ es: `No existe la exportación ${id}.`, en: `Export ${id} does not exist.` }, 'export_not_found'),
  badLink: () => new ApiError(403, 'export_link_invalid', { es: 'El enlace de descarga no es válido.', en: 'The download link is not valid.' }),
  expired: () => new ApiError(410, 'export_link_expired', { es: 'El enlace de descarga expiró; vuelva a exportar.', en: 'The download link has expired; export again.' }),
  otherUser: () => new ApiError(403, 'export_other_user', { es: 'Este enlace es de otro usuario.', en: 'This link belongs to another user.' }),
  noRight: (module: string) => new ApiError(403, 'forbidden', { es: `Su perfil ya no permite ver el módulo «${module}».`, en: `Your profile no longer allows viewing module "${module}".` }),
  hiddenColumns: (fields: string[]) =>
    new ApiError(403, 'export_fields_hidden', {
      es: `La exportación tiene campos que su perfil ya no muestra (${fields.join(', ')}).`,
      en: `The export holds fields your profile no longer shows (${fields.join(', ')}).`,
    }),
  userRequired: () =>
    new ApiError(403, 'export_user_required', {
      es: 'Las exportaciones son de un usuario: inicie sesión para exportar.',
      en: 'Exports belong to a user: log in to export.',
    }),
};

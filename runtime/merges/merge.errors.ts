import { ApiError } from '../core/api-error';

/** The merges' own refusals (B3), in both languages. */
export const MergeErrors = {
  forbidden: (module: string) =>
    new ApiError(403, 'forbidden', {
      es: `Su perfil no permite combinar registros del módulo «${module}»: necesita editar y eliminar.`,
      en: `Your profile does not allow merging records of module "${module}": it needs edit and delete.`,
    }),
  mergeNotFound: (id: string) => ApiError.notFound({ es: `No existe la combinación ${id}.`, en: `Merge ${id} does not exist.` }, 'merge_not_found'),
  notMerged: (module: string, id: string) =>
    ApiError.notFound({ es: `El registro ${id} de «${module}» no está combinado en otro.`, en: `Record ${id} of "${module}" is not merged into another.` }, 'record_not_merged'),
  undone: (id: string, at: string) => ApiError.conflict('merge_undone', { es: `La combinación ${id} ya se deshizo (${at}).`, en: `Merge ${id} was undone already (${at}).` }),
};

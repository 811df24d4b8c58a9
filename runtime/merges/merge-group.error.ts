import type { Issue, LocalizedText } from '@crm/engine';

/** Why one group could not be merged (or one merge undone): the job reports it and goes on with the next. */
export class MergeGroupError extends Error {
  constructor(
    readonly code: string,
    readonly text: LocalizedText,
    readonly issues: Issue[] = [],
  ) {
    super(text.en);
  }

  static missing(ids: string[]): MergeGroupError {
    return new MergeGroupError('recordsMissing', {
      es: `Estos registros ya no existen o fueron eliminados: ${ids.join(', ')}.`,
      en: `These records no longer exist or were deleted: ${ids.join(', ')}.`,
    });
  }

  static refused(id: string, issues: Issue[]): MergeGroupError {
    return new MergeGroupError('keptRefused', { es: `El registro que se conserva (${id}) no acepta los valores elegidos.`, en: `The kept record (${id}) does not take the chosen values.` }, issues);
  }

  static linkRefused(module: string, id: string, issues: Issue[]): MergeGroupError {
    return new MergeGroupError('linkRefused', { es: `No se pudo mover el vínculo del registro ${id} de «${module}».`, en: `The link of record ${id} of "${module}" could not be moved.` }, issues);
  }

  static notEditable(id: string): MergeGroupError {
    return new MergeGroupError('notEditable', { es: `Su perfil no permite cambiar el registro ${id}.`, en: `Your profile does not allow changing record ${id}.` });
  }

  static keptMergedLater(id: string, mergeId: string): MergeGroupError {
    return new MergeGroupError('keptMergedLater', {
      es: `El registro conservado (${id}) se combinó después en otro; deshaga primero esa combinación (${mergeId}).`,
      en: `The kept record (${id}) was merged into another one later; undo that merge (${mergeId}) first.`,
    });
  }

  static keptDeleted(id: string): MergeGroupError {
    return new MergeGroupError('keptDeleted', {
      es: `El registro conservado (${id}) fue eliminado; restáurelo antes de deshacer.`,
      en: `The kept record (${id}) was deleted; restore it before undoing.`,
    });
  }
}

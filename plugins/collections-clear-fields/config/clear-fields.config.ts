/** The `config` a module definition gives `collections-clear-fields` (seed 000 §4.3 "Limpiar campos"). */
export interface ClearFieldsConfig {
  /** Fields of the file (expediente) cleared on each new gestión. */
  recordFields: string[];
  /** The obligations sub-table (catalog: `obligaciones`). */
  obligationsField: string;
  /** Columns of the obligations sub-table cleared in every row. */
  obligationFields: string[];
  /** Module the gestión is created in (catalog: `gestiones`). */
  gestionModule: string;
  /** Lookup field of the gestión that points back to the collection record (catalog: `cobranza`). */
  gestionLookup: string;
}

/** Field of the gestión that receives the snapshot of the cleared values. */
export const SNAPSHOT_FIELD = 'valores_anteriores';

/**
 * The `config` the gestión module gives the plugin: the lookup that links a
 * gestión to its collection record. The collection module's config must name
 * this module and lookup (`gestionModule`, `gestionLookup`); every gestión
 * created with that link clears the collection record's configured fields,
 * whichever way it is created (the action, the gestión form, the API, a load).
 */
export interface GestionLinkConfig {
  collectionLookup: string;
}

export type CollectionsConfig = ClearFieldsConfig | GestionLinkConfig;

export const isGestionLink = (config: CollectionsConfig): config is GestionLinkConfig => 'collectionLookup' in config;

export const PLUGIN_NAME = 'collections-clear-fields';

import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import metaSchema from './module-definition.meta-schema.json';

/** Version of the definition format; exported bundles name it. Minor versions add optional members (1.1.0: roles). */
export const META_SCHEMA_VERSION = '1.1.0';
export const META_SCHEMA_ID = metaSchema.$id;
export { metaSchema as MODULE_DEFINITION_META_SCHEMA };

const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
addFormats(ajv);

/** The meta-schema compiled once for the whole process. */
export const validateAgainstMetaSchema = ajv.compile<unknown>(metaSchema);

import { buildInputSchema, buildRecordSchema, fieldValueSchema, type JsonSchema, type ModuleDefinition, type ModuleField, type PluginHost } from '@crm/engine';
import type { OpenAPIObject } from '@nestjs/swagger';
import { COUNT_LIMIT } from '../records/record-query.sql-compiler';

const pascal = (key: string) => key.replace(/(^|_)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());

const errorRef = { $ref: '#/components/schemas/ApiError' };
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: errorRef } } });

export const API_ERROR_SCHEMA = {
  type: 'object',
  required: ['code', 'message', 'details'],
  properties: {
    code: { type: 'string' },
    message: { type: 'object', properties: { es: { type: 'string' }, en: { type: 'string' } } },
    details: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          path: { type: 'string' },
          code: { type: 'string' },
          message: { type: 'object', properties: { es: { type: 'string' }, en: { type: 'string' } } },
        },
      },
    },
  },
};

/**
 * Adds each module's record schemas (what a client sends, what it gets back)
 * and its record routes to an OpenAPI document. The schemas are the ones the
 * validator compiles, so the documentation cannot drift from what is enforced.
 * OpenAPI 3.1 takes JSON Schema as it is (nullable types included).
 */
export function withModuleSchemas(base: OpenAPIObject, definitions: ModuleDefinition[], plugins: PluginHost): OpenAPIObject {
  const document: OpenAPIObject = structuredClone(base);
  document.openapi = '3.1.0';
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas.ApiError = API_ERROR_SCHEMA;
  for (const definition of definitions) {
    const name = pascal(definition.key);
    const input = `${name}Input`;
    const record = `${name}Record`;
    document.components.schemas[input] = buildInputSchema(definition);
    document.components.schemas[record] = withComputedFields(
      buildRecordSchema(definition),
      plugins.computedFields(definition).map((c) => c.field),
    );
    const tag = `records: ${definition.key}`;
    const recordResponse = { description: definition.names.singular.en, content: { 'application/json': { schema: { $ref: `#/components/schemas/${record}` } } } };
    const listResponse = {
      description: definition.names.plural.en,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: {
              items: { type: 'array', items: { $ref: `#/components/schemas/${record}` } },
              total: { type: 'integer' },
              totalCapped: {
                type: 'boolean',
                description: `Present (true) when more than ${COUNT_LIMIT} records match: total is then ${COUNT_LIMIT}, not the exact count (ask count: "exact" for it).`,
              },
              nextCursor: { type: ['string', 'null'] },
            },
          },
        },
      },
    };
    const id = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
    document.paths[`/api/v1/records/${definition.key}`] = {
      post: {
        tags: [tag],
        summary: `${definition.names.singular.es} · create`,
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${input}` } } } },
        responses: { 201: recordResponse, 400: errorResponse('Validation failed') },
      },
      get: {
        tags: [tag],
        summary: `${definition.names.plural.es} · quick search`,
        parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }],
        responses: { 200: listResponse },
      },
    } as never;
    document.paths[`/api/v1/records/${definition.key}/{id}`] = {
      get: { tags: [tag], parameters: [id], responses: { 200: recordResponse, 404: errorResponse('Not found') } },
      patch: {
        tags: [tag],
        parameters: [id],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { allOf: [{ $ref: `#/components/schemas/${input}` }], properties: { version: { type: 'integer' } }, required: ['version'] } } },
        },
        responses: { 200: recordResponse, 400: errorResponse('Validation failed'), 409: errorResponse('Stale version') },
      },
      delete: { tags: [tag], parameters: [id], responses: { 200: recordResponse, 404: errorResponse('Not found') } },
    } as never;
    for (const action of plugins.actions(definition)) {
      document.paths[`/api/v1/records/${definition.key}/{id}/actions/${action.key}`] = {
        post: {
          tags: [tag],
          summary: `${action.label.es} · ${action.label.en}`,
          description: `Plugin action of \`${action.plugin}\`: its patch and the records it creates commit together, or nothing does.`,
          parameters: [id],
          requestBody: { required: false, content: { 'application/json': { schema: action.inputSchema ?? { type: 'object' } } } },
          responses: {
            200: {
              description: 'The record after the action, the records it created and its message',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      record: { $ref: `#/components/schemas/${record}` },
                      created: { type: 'array', items: { type: 'object', properties: { module: { type: 'string' }, id: { type: 'string', format: 'uuid' } } } },
                      message: { type: ['object', 'null'], properties: { es: { type: 'string' }, en: { type: 'string' } } },
                    },
                  },
                },
              },
            },
            400: errorResponse('Validation failed (input.* or create[i].*)'),
            403: errorResponse('Not allowed by the profile'),
            404: errorResponse('No such record or action'),
            422: errorResponse('The plugin could not run the action'),
          },
        },
      } as never;
    }
  }
  return document;
}

/** Plugin-computed fields are read-only properties of the record a client gets back. */
function withComputedFields(schema: JsonSchema, fields: ModuleField[]): JsonSchema {
  if (fields.length === 0) return schema;
  const properties = { ...((schema.properties as Record<string, JsonSchema> | undefined) ?? {}) };
  for (const field of fields) properties[field.key] = { ...fieldValueSchema(field), readOnly: true, description: `${field.label.es} · ${field.label.en} (computed by a plugin)` };
  return { ...schema, properties };
}

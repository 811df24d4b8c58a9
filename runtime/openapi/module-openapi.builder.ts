import { buildInputSchema, buildRecordSchema, type ModuleDefinition } from '@crm/engine';
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
export function withModuleSchemas(base: OpenAPIObject, definitions: ModuleDefinition[]): OpenAPIObject {
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
    document.components.schemas[record] = buildRecordSchema(definition);
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
              totalCapped: { type: 'boolean', description: `Present (true) when more than ${COUNT_LIMIT} records match: total is then ${COUNT_LIMIT}, not the exact count (ask count: "exact" for it).` },
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
  }
  return document;
}

import { buildRecordSchema } from '../validation/record-schema.builder';
import { sampleCases } from './sample-definition.fixture';
import { ASSIGNABLE_SYSTEM_KEYS, isSystemField, RECORD_SYSTEM_KEYS, SYSTEM_COLUMN_NAMES, SYSTEM_FIELD_KEYS, SYSTEM_FIELDS } from './system-columns';

describe('system columns', () => {
  it('names each system field once, in API order, with its own column', () => {
    expect(SYSTEM_FIELD_KEYS).toEqual(['id', 'version', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'owner', 'assignee', 'deletedAt']);
    expect(SYSTEM_COLUMN_NAMES).toEqual(['id', 'version', 'created_at', 'created_by', 'updated_at', 'updated_by', 'owner', 'assignee', 'deleted_at']);
    expect(new Set(SYSTEM_COLUMN_NAMES).size).toBe(SYSTEM_COLUMN_NAMES.length);
  });

  it('says which fields every record carries and which a client may write', () => {
    expect(RECORD_SYSTEM_KEYS).toEqual(['id', 'version', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'owner', 'assignee']);
    expect(ASSIGNABLE_SYSTEM_KEYS).toEqual(['owner', 'assignee']);
    expect(isSystemField('deletedAt')).toBe(true);
    expect(isSystemField('created_at')).toBe(false);
  });

  it('describes the record schema: system fields first, the non-nullable ones required', () => {
    const schema = buildRecordSchema(sampleCases) as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties).slice(0, RECORD_SYSTEM_KEYS.length)).toEqual(RECORD_SYSTEM_KEYS);
    expect(schema.required).toEqual(['id', 'version', 'createdAt', 'updatedAt']);
    expect(schema.properties.owner).toEqual(SYSTEM_FIELDS.owner.schema);
  });
});

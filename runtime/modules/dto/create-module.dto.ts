import { MODULE_DEFINITION_META_SCHEMA } from '@crm/engine';
import { Allow } from 'class-validator';

/**
 * `POST /modules`: the body is a module definition. The meta-schema is its one
 * description, and `validateDefinition` checks it (with what a schema cannot say:
 * references, rules, plugin configs) and answers with the path of each mistake,
 * so the DTO repeats none of its rules: it only admits the meta-schema's members,
 * read from the meta-schema itself so a member added there is never refused here.
 * The pipe refuses a body that is not an object and any other member.
 */
export class CreateModuleDto {
  [member: string]: unknown;
}

for (const member of Object.keys(MODULE_DEFINITION_META_SCHEMA.properties)) Allow()(CreateModuleDto.prototype, member);

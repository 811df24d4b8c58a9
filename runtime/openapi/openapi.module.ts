import { Module } from '@nestjs/common';
import { OpenApiController } from './openapi.controller';
import { OpenApiDocument } from './openapi-document';

/** The API's OpenAPI document: the base built at start-up plus each operation's modules. */
@Module({
  controllers: [OpenApiController],
  providers: [OpenApiDocument],
})
export class OpenApiModule {}

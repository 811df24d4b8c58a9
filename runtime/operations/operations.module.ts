import { Module } from '@nestjs/common';
import { OperationsController } from './operations.controller';

/** The platform's routes over operations; OperationsService itself is global (CoreModule), the guard resolves operations with it. */
@Module({ controllers: [OperationsController] })
export class OperationsModule {}

import { Module } from '@nestjs/common';
import { FilesController } from './files.controller';
import { FilesService } from './files.service';

/** Attachments of file fields; uses the global DataSource and module definitions of CoreModule. */
@Module({ controllers: [FilesController], providers: [FilesService] })
export class FilesModule {}

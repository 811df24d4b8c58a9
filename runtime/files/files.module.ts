import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module';
import { FilesController } from './files.controller';
import { FilesService } from './files.service';

/** Attachments of file fields; uses the global DataSource and module definitions of CoreModule, and the records' access rules. */
@Module({ imports: [RecordsModule], controllers: [FilesController], providers: [FilesService] })
export class FilesModule {}

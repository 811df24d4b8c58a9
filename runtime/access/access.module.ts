import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module';
import { AccessController } from './access.controller';
import { ApiTokensController } from './api-tokens.controller';
import { ApiTokensService } from './api-tokens.service';
import { AssignableUsersController } from './assignable-users.controller';
import { AssignableUsersService } from './assignable-users.service';
import { IpRestrictionsController } from './ip-restrictions.controller';
import { IpRestrictionsService } from './ip-restrictions.service';
import { LevelsService } from './levels.service';
import { LoginHistoryController } from './login-history.controller';
import { LoginHistoryService } from './login-history.service';
import { NotesHistoryController } from './notes-history.controller';
import { NotesHistoryService } from './notes-history.service';
import { ProfilesService } from './profiles.service';
import { RolesService } from './roles.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** An operation's users, profiles, roles, levels, integration tokens and IP rules, and what they read (histories, assignable users). */
@Module({
  imports: [RecordsModule],
  controllers: [AccessController, ApiTokensController, AssignableUsersController, IpRestrictionsController, LoginHistoryController, NotesHistoryController, UsersController],
  providers: [ApiTokensService, AssignableUsersService, IpRestrictionsService, LevelsService, LoginHistoryService, NotesHistoryService, ProfilesService, RolesService, UsersService],
  // Click2Dial enforces the operation's IP rules on its own routes.
  exports: [IpRestrictionsService],
})
export class AccessModule {}

import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiAuthGuard } from './api-auth.guard';
import { AuthController } from './auth.controller';
import { CurrentUserService } from './current-user.service';

/** Logging in and out, and the guard every route goes through; sessions and token lookup are global (CoreModule). */
@Module({
  controllers: [AuthController],
  providers: [{ provide: APP_GUARD, useClass: ApiAuthGuard }, CurrentUserService],
})
export class AuthModule {}

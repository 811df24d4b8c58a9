import { Body, Controller, Get, HttpCode, Inject, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { type Caller, CurrentCaller } from '../core/caller';
import { CurrentUserService } from './current-user.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { RefreshSessionDto } from './dto/refresh-session.dto';
import { SetLanguageDto } from './dto/set-language.dto';
import { LoginService } from './login.service';
import { AllowPendingPasswordChange, Public } from '../core/public.decorator';
import { SessionService } from './session.service';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    @Inject(LoginService) private readonly logins: LoginService,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(CurrentUserService) private readonly users: CurrentUserService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() body: LoginDto, @Req() request: FastifyRequest) {
    return this.logins.login(body, request.ip);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() body: RefreshSessionDto, @Req() request: FastifyRequest) {
    return this.sessions.refresh(body.refreshToken, request.ip);
  }

  @ApiBearerAuth()
  @AllowPendingPasswordChange()
  @Post('change-password')
  @HttpCode(200)
  changePassword(@CurrentCaller() caller: Caller, @Body() body: ChangePasswordDto, @Req() request: FastifyRequest) {
    return this.logins.changePassword(caller.userId ?? '', body, request.ip);
  }

  @ApiBearerAuth()
  @AllowPendingPasswordChange()
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentCaller() caller: Caller) {
    if (caller.sessionId) await this.sessions.revoke(caller.sessionId);
  }

  @ApiBearerAuth()
  @AllowPendingPasswordChange()
  @Get('me')
  me(@CurrentCaller() caller: Caller) {
    return this.users.describe(caller);
  }

  @ApiBearerAuth()
  @AllowPendingPasswordChange()
  @Put('me/language')
  setLanguage(@CurrentCaller() caller: Caller, @Body() body: SetLanguageDto) {
    return this.users.setLanguage(caller, body.language);
  }
}

import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { type Caller, CurrentCaller } from '../core/caller';
import { LoginService } from './login.service';
import { AllowPendingPasswordChange, Public } from '../core/public.decorator';
import { SessionService } from './session.service';

/** Bodies are checked by the services, which answer in the API's error shape. */
@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    @Inject(LoginService) private readonly logins: LoginService,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(DataSource) private readonly db: DataSource,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() body: Record<string, unknown> | undefined, @Req() request: FastifyRequest) {
    return this.logins.login(body ?? {}, request.ip);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() body: Record<string, unknown> | undefined, @Req() request: FastifyRequest) {
    return this.sessions.refresh(body?.refreshToken, request.ip);
  }

  @ApiBearerAuth()
  @AllowPendingPasswordChange()
  @Post('change-password')
  @HttpCode(200)
  changePassword(@CurrentCaller() caller: Caller, @Body() body: Record<string, unknown> | undefined, @Req() request: FastifyRequest) {
    return this.logins.changePassword(caller.userId ?? '', body ?? {}, request.ip);
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
  async me(@CurrentCaller() caller: Caller) {
    if (!caller.userId) return { platform: true, operation: caller.operation?.key ?? null };
    const [user] = await this.db.query(
      // Level, role and profile by name: the Studio shows them beside the user's name.
      `SELECT u.id, u.username, u.display_name AS "displayName", u.email, u.is_admin AS "isAdmin", u.must_change_password AS "mustChangePassword",
              l.name AS level, r.name AS role, p.name AS profile
         FROM core.users u
         LEFT JOIN core.levels l ON l.id = u.level_id
         LEFT JOIN core.roles r ON r.id = u.role_id
         LEFT JOIN core.profiles p ON p.id = u.profile_id
        WHERE u.id = $1`,
      [caller.userId],
    );
    // The profile's permissions let the Studio hide what the profile cannot use (e.g. the AI assistant).
    return { ...user, platform: false, operation: caller.operation?.key, permissions: caller.permissions ?? null };
  }
}

import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'isPublic';
export const PLATFORM_ONLY = 'platformOnly';
export const ALLOW_PENDING_PASSWORD = 'allowPendingPassword';

/** Marks a route that needs no credentials; every other route is checked by the global guard. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Routes for the platform's own token only (creating operations), never for an operation's users. */
export const PlatformOnly = () => SetMetadata(PLATFORM_ONLY, true);

/** Routes a user may call before changing the factory password (the change itself, who am I, log out). */
export const AllowPendingPasswordChange = () => SetMetadata(ALLOW_PENDING_PASSWORD, true);

import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'isPublic';

/** Marks a route that needs no credentials; every other route is checked by the global guard. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

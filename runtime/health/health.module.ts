import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';

/** `GET /health`, open to load balancers. */
@Module({ controllers: [HealthController] })
export class HealthModule {}

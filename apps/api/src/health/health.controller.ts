import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';

import type { FastifyReply } from 'fastify';
import { TemporalClientService } from '@lawgate/temporal';
import { Public } from '../auth/roles.decorator';
import { DatabaseHealthService } from './health.service';

type Check = 'up' | 'down';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: DatabaseHealthService,
    private readonly temporal: TemporalClientService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Readiness: 200 when PostgreSQL and Temporal answer, 503 otherwise' })
  @ApiResponse({ status: 200, schema: { example: { status: 'ready', checks: { database: 'up', temporal: 'up' } } } })
  @ApiResponse({
    status: 503,
    schema: { example: { status: 'not-ready', checks: { database: 'up', temporal: 'down' } } },
  })
  async ready(
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ status: string; checks: Record<string, Check> }> {
    const [database, temporal] = await Promise.all([this.database.isUp(), this.temporal.isHealthy()]);
    const checks: Record<string, Check> = { database: database ? 'up' : 'down', temporal: temporal ? 'up' : 'down' };
    const ready = database && temporal;
    void reply.status(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not-ready', checks };
  }

  @Get('live')
  @Public()
  @ApiOperation({ summary: 'Liveness: 200 while the process serves requests' })
  @ApiOkResponse({ schema: { type: 'object', required: ['status'], properties: { status: { enum: ['alive'] } } } })
  live(): { status: string } {
    return { status: 'alive' };
  }
}

import { Global, Module } from '@nestjs/common';
import { MetricsController, MetricsService } from './metrics';

@Global()
@Module({ controllers: [MetricsController], providers: [MetricsService], exports: [MetricsService] })
export class MetricsModule {}

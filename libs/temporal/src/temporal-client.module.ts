import { Global, Module } from '@nestjs/common';
import { ProcedureGateway } from './procedure-gateway';
import { TemporalClientService } from './temporal-client.service';

export { TemporalClientService } from './temporal-client.service';

@Global()
@Module({ providers: [TemporalClientService, ProcedureGateway], exports: [TemporalClientService, ProcedureGateway] })
export class TemporalClientModule {}

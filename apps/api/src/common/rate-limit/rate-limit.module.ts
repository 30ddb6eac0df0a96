import { Global, Module } from '@nestjs/common';
import { PersistenceModule } from '@lawgate/persistence';
import { PgRateCounter } from './rate-counter';

/** The shared rate counter, for the request rate limit, the public comment limit and the sign-in throttle. */
@Global()
@Module({
  imports: [PersistenceModule],
  providers: [PgRateCounter],
  exports: [PgRateCounter],
})
export class RateLimitModule {}

import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@lawgate/config';
import { PersistenceModule } from '@lawgate/persistence';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { LocalIdentityProvider } from './auth.service';
import { IDENTITY_PROVIDER } from './identity-provider';
import { OidcController } from './oidc.controller';
import { OidcSignIn } from './oidc.service';
import { SignInLockoutsController } from './sign-in-lockouts.controller';
import { SignInThrottle } from './sign-in-throttle';

@Module({
  imports: [
    PersistenceModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A key object made once: given the string, the JWT library parses it on every request, first as a public
        // key (failing with a stack trace), then as a secret key — a cost each request paid before its handler ran.
        secret: createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8')),
        signOptions: { expiresIn: config.JWT_TTL_SECONDS, issuer: 'lawgate', audience: 'lawgate-api' },
        verifyOptions: { issuer: 'lawgate', audience: 'lawgate-api', algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, OidcController, SignInLockoutsController],
  providers: [
    LocalIdentityProvider,
    OidcSignIn,
    SignInThrottle,
    { provide: IDENTITY_PROVIDER, useExisting: LocalIdentityProvider },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AuthModule {}

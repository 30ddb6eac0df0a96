import { Injectable } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { RevokedTokenEntity, UserEntity } from '../entities';

/** Revoked access tokens and the per-user session generation. */
@Injectable()
export class SessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Revokes one token until it would have expired; clears entries that have expired meanwhile. */
  async revokeToken(jti: string, userId: string, expiresAt: Date): Promise<void> {
    const repo = this.dataSource.getRepository(RevokedTokenEntity);
    await repo.createQueryBuilder().insert().values({ jti, userId, expiresAt }).orIgnore().execute();
    await repo.delete({ expiresAt: LessThan(new Date()) });
  }

  async isRevoked(jti: string): Promise<boolean> {
    return this.dataSource.getRepository(RevokedTokenEntity).exists({ where: { jti } });
  }

  /** Signs a user out everywhere: every token issued under an earlier generation is refused from now on. */
  async bumpGeneration(userId: string): Promise<void> {
    await this.dataSource.getRepository(UserEntity).increment({ id: userId }, 'sessionGeneration', 1);
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@lawgate/config';
import { signerFromFile, type EvidenceSigner } from './signing-key';

/** The evidence signing key of this installation (file outside the database), when one is configured. */
@Injectable()
export class EvidenceKeys {
  readonly signer: EvidenceSigner | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const file = config.LAWGATE_SIGNING_KEY_FILE;
    this.signer = file ? signerFromFile(file) : null;
    if (!this.signer) {
      new Logger(EvidenceKeys.name).warn('LAWGATE_SIGNING_KEY_FILE is not set: checkpoints cannot be checked');
    }
  }

  /** The public key verification trusts (never a key read from the database). */
  get trustedPublicKeyPem(): string | null {
    return this.signer?.publicKeyPem ?? null;
  }
}

import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * LawGate's Ed25519 evidence key: signs ledger checkpoints and archive manifests. The private key lives outside the
 * database (a file, `LAWGATE_SIGNING_KEY_FILE`); the public key is published (`GET /api/public/ledger/key`).
 */
export interface EvidenceSigner {
  keyId: string;
  publicKeyPem: string;
  sign(statement: string): string;
}

/** First 16 hex digits of the SHA-256 of the raw 32-byte public key. */
export function keyIdOf(publicKey: KeyObject): string {
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  return createHash('sha256').update(raw).digest('hex').slice(0, 16);
}

export function signerFromPem(pem: string): EvidenceSigner {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('The evidence signing key must be an Ed25519 key');
  const publicKey = createPublicKey(privateKey);
  return {
    keyId: keyIdOf(publicKey),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    sign: (statement) => sign(null, Buffer.from(statement, 'utf8'), privateKey).toString('base64'),
  };
}

export function signerFromFile(path: string): EvidenceSigner {
  return signerFromPem(readFileSync(path, 'utf8'));
}

/** Checks a signature with a public key (PEM, SPKI) or the public half of a private key (PEM, PKCS#8). */
export function verifySignature(keyPem: string, statement: string, signature: string): boolean {
  const key = keyPem.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(keyPem)) : createPublicKey(keyPem);
  try {
    return verify(null, Buffer.from(statement, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

export function publicKeyIdOf(keyPem: string): string {
  return keyIdOf(keyPem.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(keyPem)) : createPublicKey(keyPem));
}

import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, linkSync, rmSync } from 'node:fs';
import path from 'node:path';
import { verifierKey } from '@nguon/shared';
import type { TransparencyLogConfig } from '../config/app-config.js';

const sha256 = async (data: Uint8Array) => new Uint8Array(createHash('sha256').update(data).digest());

/**
 * The key that signs the log's tree heads: given (LOG_SIGNING_KEY), or read from its file, made
 * there on first start when missing. It never goes into the database: someone who can rewrite the
 * database cannot sign a rewritten history.
 */
export class LogSigningKey {
  readonly name: string;
  readonly publicKey: Uint8Array;
  private constructor(
    config: TransparencyLogConfig,
    private readonly privateKey: KeyObject,
  ) {
    this.name = config.origin;
    const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
    this.publicKey = new Uint8Array(Buffer.from(jwk.x!, 'base64url'));
  }

  static load(config: TransparencyLogConfig): LogSigningKey {
    const pem = config.signingKey ?? readOrMake(config.keyFile);
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('the log signing key must be an Ed25519 private key');
    return new LogSigningKey(config, key);
  }

  async sign(message: Uint8Array): Promise<Uint8Array> {
    return new Uint8Array(sign(null, message, this.privateKey));
  }

  /** The note verifier key anyone checks a checkpoint with. */
  verifierKey(): Promise<string> {
    return verifierKey(sha256, this.name, this.publicKey);
  }
}

/** The key file's PEM, made first when there is none: written aside, then linked in, so two processes starting at once agree on one key. */
function readOrMake(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const aside = `${file}.${process.pid}.${Date.now()}`;
  writeFileSync(aside, pem, { mode: 0o600 });
  try {
    linkSync(aside, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(aside, { force: true });
  }
  return readFileSync(file, 'utf8');
}

export { sha256 as logSha256 };

/** Ed25519 over a message, with a raw 32-byte public key. */
export async function verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') }, format: 'jwk' });
  return verify(null, message, key, signature);
}

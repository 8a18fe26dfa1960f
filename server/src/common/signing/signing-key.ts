import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SigningKeyConfig } from '../../config/app-config.js';

/**
 * An Ed25519 key the portal signs with (the transparency log's heads, printed labels): given, or
 * read from its file, made there on first start when missing. It never goes into the database:
 * someone who can rewrite the database cannot sign.
 */
export class SigningKey {
  /** The raw 32-byte public key. */
  readonly publicKey: Uint8Array;

  private constructor(private readonly privateKey: KeyObject) {
    const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
    this.publicKey = new Uint8Array(Buffer.from(jwk.x!, 'base64url'));
  }

  /** `what` names the key in the error when it is not Ed25519 ("the log signing key"). */
  static load(config: SigningKeyConfig, what: string): SigningKey {
    const key = createPrivateKey(config.signingKey ?? readOrMake(config.keyFile));
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${what} must be an Ed25519 private key`);
    return new SigningKey(key);
  }

  sign(message: Uint8Array): Uint8Array {
    return new Uint8Array(sign(null, message, this.privateKey));
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

/** SHA-256, in the shape the shared proof checks take. */
export const sha256 = async (data: Uint8Array): Promise<Uint8Array> => new Uint8Array(createHash('sha256').update(data).digest());

/** Ed25519 over a message, with a raw 32-byte public key. */
export async function verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') }, format: 'jwk' });
  return verify(null, message, key, signature);
}

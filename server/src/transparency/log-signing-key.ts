import { verifierKey } from '@nguon/shared';
import { sha256, SigningKey } from '../common/signing/signing-key.js';
import type { TransparencyLogConfig } from '../config/app-config.js';

/** The key that signs the log's tree heads, named for the log's origin as checkpoint signatures are. */
export class LogSigningKey {
  readonly name: string;
  readonly publicKey: Uint8Array;
  private constructor(
    config: TransparencyLogConfig,
    private readonly key: SigningKey,
  ) {
    this.name = config.origin;
    this.publicKey = key.publicKey;
  }

  static load(config: TransparencyLogConfig): LogSigningKey {
    return new LogSigningKey(config, SigningKey.load(config, 'the log signing key'));
  }

  async sign(message: Uint8Array): Promise<Uint8Array> {
    return this.key.sign(message);
  }

  /** The note verifier key anyone checks a checkpoint with. */
  verifierKey(): Promise<string> {
    return verifierKey(sha256, this.name, this.publicKey);
  }
}

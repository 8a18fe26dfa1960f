import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { checkLabel } from '@nguon/shared';
import { verifyEd25519 } from '../common/signing/signing-key.js';
import { loadConfig } from '../config/app-config.js';
import { BatchLinks } from './batch-links.service.js';

const pem = () => generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const rawPublicKey = () => generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x!;

const pomelo = { gtin: '08931234567897', lotCode: 'PT-2026-01', shortCode: 'K7M2QX9PTA', expiryDate: '2026-12-31' };
const businessId = '3f2b6c1e-8a4d-4f0e-9b7a-2c5d8e1f6a90';

describe('BatchLinks', () => {
  it('signs the same batch the same way every time, so a code drawn again is the same code', () => {
    const links = new BatchLinks(loadConfig({ LABEL_SIGNING_KEY: pem(), PUBLIC_BASE_URL: 'https://truyxuat.hatinh.gov.vn' }));
    const url = links.identityUrl({ ...pomelo, businessId });
    expect(links.identityUrl({ ...pomelo, businessId })).toBe(url);
    expect(url).toMatch(
      /^https:\/\/truyxuat\.hatinh\.gov\.vn\/01\/08931234567897\/10\/PT-2026-01\?17=261231&by=PytsHopNTw6bei[\w-]{8}&sig=/,
    );
  });

  it('publishes its key first, then earlier ones still honoured, and their labels verify', async () => {
    const earlierKey = pem();
    const earlier = new BatchLinks(loadConfig({ LABEL_SIGNING_KEY: earlierKey }));
    const printedBefore = earlier.identityUrl({ ...pomelo, businessId });
    const earlierPublic = earlier.publishedKeys().keys[0]!.publicKey;
    const other = rawPublicKey();
    const links = new BatchLinks(loadConfig({ LABEL_SIGNING_KEY: pem(), LABEL_PREVIOUS_PUBLIC_KEYS: `${earlierPublic},${other}` }));
    const { keys } = links.publishedKeys();
    expect(keys.map((key) => [key.current, key.publicKey])).toEqual([
      [true, expect.not.stringMatching(earlierPublic)],
      [false, earlierPublic],
      [false, other],
    ]);
    expect(new Set(keys.map((key) => key.id)).size).toBe(3);
    expect((await checkLabel(printedBefore, keys, verifyEd25519)).status).toBe('genuine');
    expect((await checkLabel(links.identityUrl({ ...pomelo, businessId }), keys, verifyEd25519)).status).toBe('genuine');
    // Once the earlier key is no longer listed, its labels are no longer the portal's.
    const retired = new BatchLinks(loadConfig({ LABEL_SIGNING_KEY: pem() })).publishedKeys().keys;
    expect((await checkLabel(printedBefore, retired, verifyEd25519)).status).toBe('unknown_key');
  });
});

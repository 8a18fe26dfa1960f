import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import {
  checkLabel,
  labelMessage,
  labelSignatureParam,
  readLabel,
  toBase64Url,
  type LabelClaim,
  type LabelKey,
} from './label-signature.js';

// Web Crypto's Ed25519, as the browser checks a label.
async function verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const key = await crypto.subtle.importKey('raw', publicKey as BufferSource, { name: 'Ed25519' }, false, ['verify']);
  return crypto.subtle.verify({ name: 'Ed25519' }, key, signature as BufferSource, message as BufferSource);
}

function portalKey(id: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'jwk' }).x!;
  const key: LabelKey = { id, algorithm: 'Ed25519', publicKey: raw, current: true };
  const signParam = (claim: LabelClaim) => labelSignatureParam(id, new Uint8Array(sign(null, labelMessage(claim), privateKey)));
  return { key, signParam };
}

const portal = portalKey('k1');
const BASE = 'https://truyxuat.hatinh.gov.vn';
const GTIN = '08931234567897';
const pomelo: LabelClaim = { gtin14: GTIN, shortCode: null, lot: 'PT-2026/01', expiry: '261231', business: '3001987601' };

/** A label's URL as the portal prints it. */
const printed = (claim: LabelClaim, signed = claim) =>
  `${BASE}/01/${claim.gtin14}/10/${encodeURIComponent(claim.lot!)}?17=${claim.expiry}&by=${claim.business}&sig=${portal.signParam(signed)}`;

describe('a label signed by the portal', () => {
  it('is genuine for exactly the product, lot, expiry and business it was signed for', async () => {
    expect(await checkLabel(printed(pomelo), [portal.key], verify)).toEqual({ status: 'genuine', claim: pomelo });
  });

  it('is altered when its lot, GTIN, expiry or business was changed', async () => {
    const genuine = portal.signParam(pomelo);
    const copied = (url: string) => checkLabel(url, [portal.key], verify);
    const otherLot = `${BASE}/01/${GTIN}/10/PT-2026%2F02?17=261231&by=3001987601&sig=${genuine}`;
    const inventedGtin = `${BASE}/01/08931234567804/10/PT-2026%2F01?17=261231&by=3001987601&sig=${genuine}`;
    const laterExpiry = `${BASE}/01/${GTIN}/10/PT-2026%2F01?17=271231&by=3001987601&sig=${genuine}`;
    const otherBusiness = `${BASE}/01/${GTIN}/10/PT-2026%2F01?17=261231&by=0109876543&sig=${genuine}`;
    const noExpiry = `${BASE}/01/${GTIN}/10/PT-2026%2F01?by=3001987601&sig=${genuine}`;
    for (const url of [otherLot, inventedGtin, laterExpiry, otherBusiness, noExpiry]) expect((await copied(url)).status).toBe('altered');
    expect((await copied(printed(pomelo))).status).toBe('genuine');
  });

  it('is not the portal’s when signed with a key it does not publish, or by the right id with another key', async () => {
    const stranger = portalKey('zz');
    const url = `${BASE}/01/${GTIN}/10/PT-2026%2F01?17=261231&by=3001987601&sig=${stranger.signParam(pomelo)}`;
    expect((await checkLabel(url, [portal.key], verify)).status).toBe('unknown_key');
    const impostor = portalKey('k1');
    const sameId = `${BASE}/01/${GTIN}/10/PT-2026%2F01?17=261231&by=3001987601&sig=${impostor.signParam(pomelo)}`;
    expect((await checkLabel(sameId, [portal.key], verify)).status).toBe('altered');
  });

  it('still verifies by an earlier key the portal publishes beside its current one', async () => {
    const earlier = portalKey('old1');
    const url = `${BASE}/01/${GTIN}/10/PT-2026%2F01?17=261231&by=3001987601&sig=${earlier.signParam(pomelo)}`;
    expect((await checkLabel(url, [portal.key, { ...earlier.key, current: false }], verify)).status).toBe('genuine');
  });

  it('says when a code carries no signature, a cut one, or is no product code at all', async () => {
    expect(await checkLabel(`${BASE}/01/${GTIN}/10/PT-1`, [portal.key], verify)).toMatchObject({ status: 'unsigned' });
    const cut = printed(pomelo).slice(0, -10);
    expect((await checkLabel(cut, [portal.key], verify)).status).toBe('altered');
    expect((await checkLabel(`${printed(pomelo)}!`, [portal.key], verify)).status).toBe('altered');
    expect(await checkLabel('https://example.com/about', [portal.key], verify)).toEqual({ status: 'not_a_code' });
  });

  it('covers a short code’s lot and expiry, carried in its query since its path holds neither', async () => {
    const honey: LabelClaim = { gtin14: null, shortCode: 'AB12CD34EF', lot: 'MO&01', expiry: null, business: '3001987603' };
    const url = `${BASE}/q/AB12CD34EF?10=MO%2601&by=3001987603&sig=${portal.signParam(honey)}`;
    expect(readLabel(url)?.claim).toEqual(honey);
    expect((await checkLabel(url, [portal.key], verify)).status).toBe('genuine');
    expect((await checkLabel(url.replace('MO%2601', 'MO%2602'), [portal.key], verify)).status).toBe('altered');
    expect((await checkLabel(url.replace('AB12CD34EF', 'AB12CD34EG'), [portal.key], verify)).status).toBe('altered');
  });

  it('signs one field a line, so moving text between fields changes the message', () => {
    const a = labelMessage({ ...pomelo, lot: 'A', expiry: null, business: '1' });
    const b = labelMessage({ ...pomelo, lot: 'A1', expiry: null, business: '' });
    expect(toBase64Url(a)).not.toBe(toBase64Url(b));
  });
});

import type { EntityManager } from 'typeorm';

/** A prefix claim, with the verified business an unconfirmed one collides with. */
export interface PrefixClaimRow {
  business_id: string;
  prefix: string;
  confirmed: boolean;
  holder_id: string | null;
  holder_name: string | null;
}

/** An unconfirmed tax code and the verified business that holds it. */
export interface TaxCodeClaimRow {
  business_id: string;
  holder_id: string;
  holder_name: string;
}

/** A business that holds a claim. */
export interface HolderRow {
  id: string;
  legal_name: string;
}

/** A new prefix and the confirmed one of another business it overlaps. */
export interface PrefixConflictRow extends HolderRow {
  prefix: string;
  theirs: string;
}

/** The businesses' prefixes, each unconfirmed one with the confirmed claim of another business it overlaps. */
export function loadPrefixClaims(db: EntityManager, businessIds: string[]): Promise<PrefixClaimRow[]> {
  return db.query(
    `SELECT c.business_id, c.prefix, c.confirmed, h.id AS holder_id, h.legal_name AS holder_name
       FROM business_gs1_prefixes c
       LEFT JOIN LATERAL (
         SELECT ob.id, ob.legal_name FROM business_gs1_prefixes o JOIN businesses ob ON ob.id = o.business_id
          WHERE NOT c.confirmed AND o.confirmed AND o.coverage && c.coverage AND o.business_id <> c.business_id LIMIT 1
       ) h ON true
      WHERE c.business_id = ANY($1::uuid[])
      ORDER BY c.prefix`,
    [businessIds],
  );
}

/** Of these businesses, those whose unconfirmed tax code another business holds confirmed. */
export function loadTaxCodeClaims(db: EntityManager, businessIds: string[]): Promise<TaxCodeClaimRow[]> {
  return db.query(
    `SELECT b.id AS business_id, h.id AS holder_id, h.legal_name AS holder_name
       FROM businesses b JOIN businesses h ON h.tax_code = b.tax_code AND h.tax_code_confirmed AND h.id <> b.id
      WHERE b.id = ANY($1::uuid[]) AND NOT b.tax_code_confirmed`,
    [businessIds],
  );
}

/** The business's prefixes, in order: all it declared, or only the confirmed ones. */
export async function prefixesOf(db: EntityManager, businessId: string, which: 'declared' | 'confirmed'): Promise<string[]> {
  const rows: { prefix: string }[] = await db.query(
    `SELECT prefix FROM business_gs1_prefixes WHERE business_id = $1 ${which === 'confirmed' ? 'AND confirmed' : ''} ORDER BY prefix`,
    [businessId],
  );
  return rows.map((r) => r.prefix);
}

/** A business holding a confirmed prefix, with the company digits it covers. */
export interface DigitsHolderRow extends HolderRow {
  digits: string;
}

/** For each of the company digits (a GTIN-14's 2nd to 13th, a GLN's first 12), the business whose confirmed prefix covers them. */
export function findHolders(db: EntityManager, companyDigits: string[]): Promise<DigitsHolderRow[]> {
  return db.query(
    `SELECT DISTINCT ON (d.digits) d.digits, b.id, b.legal_name
       FROM unnest($1::text[]) AS d (digits)
       JOIN business_gs1_prefixes c ON c.confirmed AND c.coverage @> d.digits::int8
       JOIN businesses b ON b.id = c.business_id
      ORDER BY d.digits`,
    [companyDigits],
  );
}

/** Another business (than `businessId`, if given) holding the tax code confirmed. */
export function findTaxCodeHolders(db: EntityManager, taxCode: string, businessId: string | null): Promise<HolderRow[]> {
  return db.query(
    `SELECT id, legal_name FROM businesses WHERE tax_code = $1 AND tax_code_confirmed AND id IS DISTINCT FROM $2::uuid LIMIT 1`,
    [taxCode, businessId],
  );
}

/** The confirmed prefixes of other businesses (than `businessId`, if given) that the prefixes overlap. */
export function findPrefixConflicts(
  db: EntityManager,
  prefixes: readonly string[],
  businessId: string | null,
): Promise<PrefixConflictRow[]> {
  return db.query(
    `SELECT p.prefix, o.prefix AS theirs, ob.id, ob.legal_name
         FROM unnest($1::text[]) AS p (prefix)
         JOIN business_gs1_prefixes o ON o.confirmed AND o.business_id IS DISTINCT FROM $2::uuid
          AND o.coverage && nguon_gs1_prefix_range(p.prefix)
         JOIN businesses ob ON ob.id = o.business_id
        ORDER BY p.prefix`,
    [prefixes, businessId],
  );
}

export async function findTaxCode(tx: EntityManager, businessId: string): Promise<string | undefined> {
  const [business]: { tax_code: string }[] = await tx.query(`SELECT tax_code FROM businesses WHERE id = $1`, [businessId]);
  return business?.tax_code;
}

export async function findUnconfirmedPrefixes(tx: EntityManager, businessId: string): Promise<string[]> {
  const rows: { prefix: string }[] = await tx.query(`SELECT prefix FROM business_gs1_prefixes WHERE business_id = $1 AND NOT confirmed`, [
    businessId,
  ]);
  return rows.map((r) => r.prefix);
}

/** Marks the business's tax code and all its prefixes confirmed by the administrator. */
export async function markClaimsConfirmed(tx: EntityManager, businessId: string, adminId: string): Promise<void> {
  await tx.query(`UPDATE businesses SET tax_code_confirmed = true WHERE id = $1`, [businessId]);
  await tx.query(
    `UPDATE business_gs1_prefixes SET confirmed = true, confirmed_at = now(), confirmed_by = $2 WHERE business_id = $1 AND NOT confirmed`,
    [businessId, adminId],
  );
}

export async function deletePrefixes(tx: EntityManager, businessId: string, prefixes: string[]): Promise<void> {
  await tx.query(`DELETE FROM business_gs1_prefixes WHERE business_id = $1 AND prefix = ANY($2::text[])`, [businessId, prefixes]);
}

/** New prefixes wait for an administrator's confirmation. */
export async function insertPrefixes(tx: EntityManager, businessId: string, prefixes: string[]): Promise<void> {
  await tx.query(`INSERT INTO business_gs1_prefixes (business_id, prefix) SELECT $1, unnest($2::text[])`, [businessId, prefixes]);
}

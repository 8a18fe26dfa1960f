/** Whose certificates: the business's own, or one product's. */
export type CertificateHolder = { kind: 'business'; id: string } | { kind: 'product'; id: string };

export const certificatesPath = (holder: CertificateHolder) =>
  `/api/${holder.kind === 'business' ? 'businesses' : 'products'}/${encodeURIComponent(holder.id)}/certificates`;

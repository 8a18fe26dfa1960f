import { EPCIS_CONTEXT_PREFIXES } from '@nguon/shared';

/**
 * The JSON-LD prefixes of an XML document's extension namespaces: the XML's own prefix where it
 * is free, the standard context's where the namespace is one of its own (a URN namespace written
 * without its final colon included), and a numbered one where the XML's prefix means something
 * else in the standard context.
 */
export class XmlNamespaces {
  private readonly prefixes = new Map<string, string>();
  private readonly declared = new Map<string, string>();

  /** `prefix:local` for a name in this namespace, the XML's prefix suggested. */
  qualified(namespace: string, suggestedPrefix: string | null, local: string): string {
    return `${this.prefixOf(namespace, suggestedPrefix ?? 'ext')}:${local}`;
  }

  /** A namespace declared in the document: its prefix means it in values too (a sensor type `example:x`). */
  declare(namespace: string, prefix: string): void {
    this.prefixOf(namespace, prefix);
  }

  /** The `@context` entries the document needs on top of the standard EPCIS context. */
  context(): Record<string, string>[] {
    return [...this.declared].map(([prefix, namespace]) => ({ [prefix]: namespace }));
  }

  private prefixOf(namespace: string, suggested: string): string {
    const known = this.prefixes.get(namespace);
    if (known) return known;
    for (const [prefix, iri] of EPCIS_CONTEXT_PREFIXES) {
      if (iri === namespace || (iri.startsWith('urn:') && iri === `${namespace}:`)) return this.remember(namespace, prefix, false);
    }
    let prefix = suggested;
    for (let n = 2; EPCIS_CONTEXT_PREFIXES.has(prefix) || this.declared.has(prefix); n++) prefix = `${suggested}${n}`;
    return this.remember(namespace, prefix, true);
  }

  private remember(namespace: string, prefix: string, declare: boolean): string {
    this.prefixes.set(namespace, prefix);
    if (declare) this.declared.set(prefix, namespace);
    return prefix;
  }
}

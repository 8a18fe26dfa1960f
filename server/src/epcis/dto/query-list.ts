// URIs may hold commas (a lot in an EPC URN can), so between URIs a comma only separates when
// the next value starts with a scheme. '|' is the binding's own separator (pipeDelimited).
const URI_SEPARATOR = /\|/;
const COMMA_BEFORE_SCHEME = /,(?=[A-Za-z][A-Za-z0-9+.-]*:)/;

/** What a list holds: words (split on `,` too), URIs (on `,` before a scheme), free text (on `|` only). */
export type ListKind = 'words' | 'uris' | 'texts';

/** A list parameter's values: split on `|`, and on `,` as its kind allows. */
export function splitList(value: unknown, kind: ListKind): unknown {
  const values = Array.isArray(value) ? value : [value];
  if (!values.every((v) => typeof v === 'string')) return value;
  return (values as string[])
    .flatMap((v) => v.split(URI_SEPARATOR))
    .flatMap((v) => (kind === 'texts' ? [v] : v.split(kind === 'words' ? ',' : COMMA_BEFORE_SCHEME)))
    .map((v) => v.trim());
}

import { DOMParser, type Element } from '@xmldom/xmldom';

/** XML that cannot be read: not well-formed, or an entity the parser will not expand. */
export class XmlProblem extends Error {}

/**
 * The document's root element. Errors are fatal, not repaired as a browser would: a partner's
 * malformed document is refused with the parser's reason and line. @xmldom/xmldom expands no
 * entity a DTD declares (neither external files nor nested expansions), so a document cannot read
 * the server's files or blow up in memory; it answers "entity not found" instead.
 */
export function parseXml(text: string): Element {
  let problem: string | undefined;
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level === 'warning') return;
      problem ??= message.replace(/^\[xmldom \w+\]\s*/, '');
      throw new XmlProblem(problem);
    },
  });
  let root: Element | null;
  try {
    root = parser.parseFromString(text, 'application/xml').documentElement;
  } catch (error) {
    // xmldom wraps what onError throws in its own error.
    throw new XmlProblem(problem ?? (error as Error).message);
  }
  if (!root) throw new XmlProblem('the document has no root element');
  if (deeperThan(root, MAX_XML_DEPTH)) throw new XmlProblem(`elements are nested more than ${MAX_XML_DEPTH} deep`);
  return root;
}

/** Deepest nesting read: far beyond an EPCIS document (about 10), and short of what recursive reading can take. */
export const MAX_XML_DEPTH = 64;

/** Walks the tree without recursion, so depth itself cannot overflow the stack. */
function deeperThan(root: Element, limit: number): boolean {
  const stack: [Element, number][] = [[root, 1]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [element, depth] = next;
    if (depth > limit) return true;
    for (const child of childElements(element)) stack.push([child, depth + 1]);
  }
  return false;
}

/** The element children of a node, in document order. */
export function childElements(element: Element): Element[] {
  const children: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === node.ELEMENT_NODE) children.push(node as Element);
  }
  return children;
}

/** An element's text, trimmed: EPCIS values carry no meaningful surrounding white space. */
export function textOf(element: Element): string {
  return (element.textContent ?? '').trim();
}

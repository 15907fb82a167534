import type { DocumentNode } from 'graphql';

/**
 * A value worked out once per parsed document and operation name (a query plan decision, a cost
 * estimate, a compiled query). Apollo Server reuses the DocumentNode of a repeated query text, so
 * the value is found again for every repeat, and it goes when Apollo Server drops the document.
 */
export function perOperation<T>(): (
  document: DocumentNode,
  operationName: string | null | undefined,
  compute: () => T,
) => T {
  const byDocument = new WeakMap<DocumentNode, Map<string, T>>();
  return (document, operationName, compute) => {
    let byName = byDocument.get(document);
    if (!byName) {
      byName = new Map();
      byDocument.set(document, byName);
    }
    const key = operationName ?? '';
    if (byName.has(key)) return byName.get(key) as T;
    const value = compute();
    byName.set(key, value);
    return value;
  };
}

import { perOperation } from '@hub/platform';
import { normaliseHolderName, normaliseNumber } from '@hub/vocabulary';
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  valueFromASTUntyped,
} from 'graphql';

/**
 * 证书查询 as lookups: which root fields of an operation look up a person's data, and with what.
 * The public root fields that answer about one person by what the caller types: every other public
 * field (catalog, occupations, calendars, published campaigns) answers public facts, not whether a
 * name, number or resident ID is right.
 */
export const LOOKUP_FIELDS = {
  /** By 证书编号 and 持证人姓名: a guess of the name for a known number, or of a number for a name. */
  verifyCertificate: 'certificate',
  /** By 公民身份号码 and 姓名: a guess of the resident ID for a known name (the oracle of issue #26). */
  verifyCertificatesByIdentity: 'identity',
  /** By 受理编号 and 查询码 (投诉进度): a guess of the check code for a receipt number read out. */
  complaintStatus: 'complaint',
} as const;

export type LookupKind = (typeof LOOKUP_FIELDS)[keyof typeof LOOKUP_FIELDS];

const isLookupField = (name: string): name is keyof typeof LOOKUP_FIELDS => Object.hasOwn(LOOKUP_FIELDS, name);

/** One lookup a request makes, with what it is keyed by (normalised as the subgraph compares them). */
export interface Lookup {
  kind: LookupKind;
  /** Where its answer is in `data`: the alias, else the field name. */
  responseKey: string;
  /** Of a list argument (none today): the element this lookup is for. */
  index?: number;
  /** 证书编号; absent when the value cannot be one (no certificate has it, nothing to guess). */
  number?: string;
  /** 持证人姓名, spaces removed. */
  holderName?: string;
  /** 公民身份号码, upper-case, when it has the shape of one. */
  residentId?: string;
}

/** A lookup field where it stands in the operation: its response key and its argument nodes. */
interface Site {
  field: keyof typeof LOOKUP_FIELDS;
  responseKey: string;
  node: FieldNode;
}

/**
 * The lookup fields at the root of the operation, fragments (named or inline) expanded, one per
 * response key: graphql merges fields of one response key (same field, same arguments) into one
 * execution, so they are one lookup; under other aliases each is a lookup of its own.
 * `@skip`/`@include` are not evaluated: a lookup asked for counts, run or not.
 */
export function lookupSites(document: DocumentNode, operationName?: string | null): Site[] {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const op = operationName ? ops.find((o) => o.name?.value === operationName) : ops.length === 1 ? ops[0] : undefined;
  if (op?.operation !== 'query') return [];
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d.selectionSet] as const),
  );
  const sites = new Map<string, Site>();
  const walk = (set: SelectionSetNode, seen: ReadonlySet<string>) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        const responseKey = s.alias?.value ?? s.name.value;
        if (isLookupField(s.name.value) && !sites.has(responseKey)) {
          sites.set(responseKey, { field: s.name.value, responseKey, node: s });
        }
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        walk(s.selectionSet, seen);
      } else {
        const target = fragments.get(s.name.value);
        if (target && !seen.has(s.name.value)) walk(target, new Set([...seen, s.name.value]));
      }
    }
  };
  walk(op.selectionSet, new Set());
  return [...sites.values()];
}

const sitesOf = perOperation<Site[]>();

/** True when a query text may name a lookup field: texts without one need no parsing to know they make none. */
export const mayLookUp = (query: string) => Object.keys(LOOKUP_FIELDS).some((name) => query.includes(name));

/**
 * The lookups a request makes: one per lookup field (aliases each count), and one per element of a
 * list argument should a lookup field take one, with the values of its arguments (literal or
 * variables).
 */
export function lookupsOf(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): Lookup[] {
  const sites = sitesOf(document, operationName, () => lookupSites(document, operationName));
  const out: Lookup[] = [];
  for (const site of sites) {
    const args: Record<string, unknown> = {};
    for (const a of site.node.arguments ?? []) {
      try {
        args[a.name.value] = valueFromASTUntyped(a.value, variables ?? {});
      } catch {
        args[a.name.value] = undefined;
      }
    }
    const lists = Object.values(args).filter(Array.isArray);
    const count = lists.length ? Math.max(1, ...lists.map((l) => l.length)) : 1;
    for (let i = 0; i < count; i++) {
      const at = (v: unknown) => (Array.isArray(v) ? v[i] : v);
      const lookup: Lookup = {
        kind: LOOKUP_FIELDS[site.field],
        responseKey: site.responseKey,
        ...(lists.length ? { index: i } : {}),
      };
      const name = at(args.holderName);
      const holderName = typeof name === 'string' ? normaliseHolderName(name) : null;
      if (holderName) lookup.holderName = holderName;
      const number = at(args.number);
      const normalised = typeof number === 'string' ? normaliseNumber(number) : null;
      if (normalised) lookup.number = normalised;
      const id = at(args.residentId);
      const residentId = typeof id === 'string' ? id.trim().toUpperCase() : '';
      if (/^\d{17}[\dX]$/.test(residentId)) lookup.residentId = residentId;
      out.push(lookup);
    }
  }
  return out;
}

/**
 * Did the lookup find what was asked? Anything short of a clear hit counts as a miss (an error, a
 * null, an answer that selects nothing telling): a caller cannot dodge the back-off by selecting
 * less, and whoever learns nothing loses nothing by it.
 * - `verifyCertificate`: a VALID or REVOKED verdict, or a certificate, under whatever aliases
 *   (a NOT_FOUND answer holds only `NOT_FOUND`, nulls and type names);
 * - `verifyCertificatesByIdentity`: a non-empty list;
 * - `complaintStatus`: a complaint's progress (null when the receipt or the code is wrong).
 */
export function found(lookup: Lookup, data: Record<string, unknown> | null | undefined): boolean {
  let value = data?.[lookup.responseKey];
  if (lookup.index !== undefined) value = Array.isArray(value) ? value[lookup.index] : undefined;
  if (lookup.kind === 'identity') return Array.isArray(value) && value.length > 0;
  if (lookup.kind === 'complaint') return value !== null && typeof value === 'object';
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).some((v) => v === 'VALID' || v === 'REVOKED' || (v !== null && typeof v === 'object'));
}

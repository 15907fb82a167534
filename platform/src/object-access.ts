import { maskName, maskResidentId } from '@hub/vocabulary';
import type { ObjectRef, SchemaTypes } from '@pothos/core';
import {
  defaultFieldResolver,
  type GraphQLAbstractType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
} from 'graphql';
import { reachOf } from './access.ts';
import type { AuditEvent } from './audit.ts';
import type { Claims } from './auth.ts';
import { hubError } from './errors.ts';

/**
 * 按对象授权 (authorization by object, issue #26). The access matrix guards the root fields; below
 * them an object is reached from many sides — a certificate from a worker, a plan from a
 * certificate, a worker from a candidate — and a check at one door says nothing about the others.
 * So every object type that carries an institution's or a person's data has a rule here, and the
 * rule decides, whenever an object of that type is resolved on whatever path, what the caller sees
 * of it:
 *
 * - `full`: the record is within the caller's reach (本企业; 属地 by the record's *own* 市州 — a
 *   certificate's or a plan's, not its institution's today; the province all);
 * - `public`: only its public facts (a certificate's number, level, occupation, issuer, date and
 *   status, the holder masked), for records that have such facts; any other field is null, or
 *   refused with FORBIDDEN (reason PUBLIC_FACTS_ONLY) when it cannot be null;
 * - `none`: nothing; the object is left out of a list, a nullable field is null, and a non-null
 *   field is refused with FORBIDDEN (reason OUT_OF_REACH).
 *
 * The rules are applied once to the built schema (`apply`): every field that returns a ruled type
 * (directly, in a list, as a connection's node or a federation entity) filters what it returns, and
 * every field of a ruled type checks its object first — so an object that arrives by a path nobody
 * thought of is still decided. Lists should still be filtered by reach in SQL before paging (a
 * page shortened here would leak through `hasNextPage`); the filter here is the safety net.
 */

export type View = 'full' | 'public' | 'none';

/** Whose record an object is: the institution it belongs to and its own 市州 (null: none). */
export interface Owner {
  enterpriseId: string | null;
  prefectureCode: string | null;
}

/** True when the caller's reach (reachOf) covers a record of this owner. */
export function reachesOwner(caller: Claims, owner: Owner): boolean {
  const reach = reachOf(caller);
  switch (reach.kind) {
    case 'all':
      return true;
    case 'enterprise':
      return owner.enterpriseId != null && owner.enterpriseId === reach.enterpriseId;
    case 'prefecture':
      return owner.prefectureCode != null && owner.prefectureCode === reach.prefecture;
    default:
      return false;
  }
}

const PART_OF = Symbol('part of');

/**
 * The object as part of a record that owns it too: a candidate's worker, a plan's assessors, a
 * dispatch's supervisor. A caller who may read the record (a 市州 authority, an old plan of an
 * institution that has moved since) reads this part of it, whatever the part's own owner says.
 * A shallow copy, so the same row reached on another path is judged on its own.
 */
export function partOf<R extends object>(row: R, owner: Owner): R {
  const granted = (row as { [PART_OF]?: Owner[] })[PART_OF] ?? [];
  return { ...row, [PART_OF]: [...granted, owner] };
}

type MaybePromise<T> = T | Promise<T>;

export type PersonalKind = 'name' | 'residentId';
const MASKS: Record<PersonalKind, (value: string) => string> = { name: maskName, residentId: maskResidentId };

export interface ObjectRule<Ctx, R> {
  /** The record's owner, by its own columns (or its parent record's); null when it has none. */
  owner: (row: R, ctx: Ctx) => MaybePromise<Owner | null>;
  /** Who sees it in full; default: the caller's reach covers the owner. */
  sees?: (caller: Claims, owner: Owner | null, row: R, ctx: Ctx) => MaybePromise<boolean>;
  /** Fields shown when out of reach (its public facts); without them an out-of-reach object is not shown. */
  publicFacts?: readonly string[];
  /**
   * Personal fields and what each holds (a person's name, a resident ID): masked in a public view
   * (张*三, 430102********1234), and every read in full recorded for the audit log, per request.
   */
  personal?: Readonly<Record<string, PersonalKind>>;
  /** The record's key in the audit log (a worker id, a certificate number): never personal data. */
  subject?: (row: R) => string;
}

/** The personal data a request read in full, kept for one audit event at its end. */
interface Reads {
  roots: Set<string>;
  /** Resident IDs read in full: the audit writer stores them hashed (lookup HMAC), never in clear. */
  residentIds: Set<string>;
  counts: Map<string, number>;
  subjects: Map<string, string>;
  total: number;
}

const MAX_SUBJECTS = 20;
/** The rules applied to each schema: the subgraph server takes the reads to audit from them. */
const applied = new WeakMap<GraphQLSchema, ObjectAccess<never>>();
export const objectAccessOf = (schema: GraphQLSchema) =>
  applied.get(schema) as ObjectAccess<{ caller: Claims }> | undefined;
const REFUSED = Symbol('refused');

const isPromise = <T>(v: unknown): v is Promise<T> => typeof (v as { then?: unknown } | null)?.then === 'function';

const outOfReach = (typeName: string) =>
  hubError('FORBIDDEN', `this ${typeName} is out of your reach (本企业 / 属地 by the record’s own 市州)`, {
    reason: 'OUT_OF_REACH',
  });
const publicOnly = (typeName: string, field: string) =>
  hubError('FORBIDDEN', `only the public facts of this ${typeName} are within your reach, not ${field}`, {
    reason: 'PUBLIC_FACTS_ONLY',
  });

/** The root field (by name, not alias) a resolver runs under. */
function rootFieldOf(info: GraphQLResolveInfo): string {
  let path = info.path;
  while (path.prev) path = path.prev;
  const key = String(path.key);
  for (const sel of info.operation.selectionSet.selections) {
    if (sel.kind === Kind.FIELD && (sel.alias?.value ?? sel.name.value) === key) return sel.name.value;
  }
  return key;
}

/**
 * The rules of one subgraph, keyed by type name: `rule(Type, {...})` next to each type's
 * definition, `apply(schema)` once on the built schema.
 */
export class ObjectAccess<Ctx extends { caller: Claims }> {
  private readonly rules = new Map<string, ObjectRule<Ctx, never>>();
  /**
   * Per request, keyed by its verified claims: Apollo Server runs an operation on a shallow copy of
   * the context it was given, and the copies share the claims object the request made.
   */
  private readonly views = new WeakMap<Claims, Map<string, WeakMap<object, MaybePromise<View>>>>();
  private readonly reads = new WeakMap<Claims, Reads>();

  rule<R>(ref: ObjectRef<SchemaTypes, R, unknown> | { name: string }, rule: ObjectRule<Ctx, R>): void {
    this.rules.set(ref.name, rule as unknown as ObjectRule<Ctx, never>);
  }

  /** What the caller sees of this object of this type; decided once per object and request. */
  view(ctx: Ctx, typeName: string, row: object): MaybePromise<View> {
    const rule = this.rules.get(typeName) as ObjectRule<Ctx, object> | undefined;
    if (!rule) return 'full';
    let perType = this.views.get(ctx.caller);
    if (!perType) {
      perType = new Map();
      this.views.set(ctx.caller, perType);
    }
    let cache = perType.get(typeName);
    if (!cache) {
      cache = new WeakMap();
      perType.set(typeName, cache);
    }
    const hit = cache.get(row);
    if (hit !== undefined) return hit;
    const decided = this.decide(rule, ctx, row);
    const settled = cache;
    if (isPromise<View>(decided)) {
      const p = decided.then((v) => {
        settled.set(row, v);
        return v;
      });
      cache.set(row, p);
      return p;
    }
    cache.set(row, decided);
    return decided;
  }

  private async decideAsync(rule: ObjectRule<Ctx, object>, ctx: Ctx, row: object, owner: Owner | null) {
    const sees = rule.sees
      ? await rule.sees(ctx.caller, owner, row, ctx)
      : owner != null && reachesOwner(ctx.caller, owner);
    return this.settle(rule, ctx, row, sees);
  }

  private decide(rule: ObjectRule<Ctx, object>, ctx: Ctx, row: object): MaybePromise<View> {
    const owner = rule.owner(row, ctx);
    if (isPromise<Owner | null>(owner)) return owner.then((o) => this.decideAsync(rule, ctx, row, o));
    const sees = rule.sees ? rule.sees(ctx.caller, owner, row, ctx) : owner != null && reachesOwner(ctx.caller, owner);
    if (isPromise<boolean>(sees)) return sees.then((s) => this.settle(rule, ctx, row, s));
    return this.settle(rule, ctx, row, sees);
  }

  private settle(rule: ObjectRule<Ctx, object>, ctx: Ctx, row: object, sees: boolean): View {
    if (sees) return 'full';
    const granted = (row as { [PART_OF]?: Owner[] })[PART_OF] ?? [];
    if (granted.some((o) => reachesOwner(ctx.caller, o))) return 'full';
    return rule.publicFacts ? 'public' : 'none';
  }

  private note(
    ctx: Ctx,
    info: GraphQLResolveInfo,
    typeName: string,
    field: string,
    subject: string,
    kind: PersonalKind,
    value: string,
  ) {
    // A mutation's payload shows what its caller just wrote; the mutation's own audit event records that.
    if (info.operation.operation === 'mutation') return;
    const masked = MASKS[kind](value);
    let r = this.reads.get(ctx.caller);
    if (!r) {
      r = { roots: new Set(), residentIds: new Set(), counts: new Map(), subjects: new Map(), total: 0 };
      this.reads.set(ctx.caller, r);
    }
    const key = `${typeName}.${field}`;
    r.roots.add(rootFieldOf(info));
    r.counts.set(key, (r.counts.get(key) ?? 0) + 1);
    r.total += 1;
    if (kind === 'residentId' && r.residentIds.size < MAX_SUBJECTS) r.residentIds.add(value);
    const prior = r.subjects.get(subject);
    if (prior === undefined && r.subjects.size < MAX_SUBJECTS) r.subjects.set(subject, masked);
    else if (prior !== undefined && !prior.includes(masked))
      r.subjects.set(subject, `${prior} ${masked}`.slice(0, 120));
  }

  /**
   * The audit event of the personal data this request read in full (null when none): one per
   * request, whatever the number of fields and people — the fields read and how often, and up to
   * MAX_SUBJECTS people by record key with their data masked as the log may hold it.
   */
  takeReads(
    ctx: { caller: Claims },
    who: Omit<AuditEvent, 'field' | 'outcome' | 'codes' | 'targetIds' | 'args'>,
  ): AuditEvent | null {
    const r = this.reads.get(ctx.caller);
    if (!r?.total) return null;
    this.reads.delete(ctx.caller);
    return {
      ...who,
      field: [...r.roots].sort().join(',').slice(0, 200),
      outcome: 'OK',
      codes: ['PERSONAL_DATA_READ'],
      targetIds: [...r.subjects.keys()],
      residentIds: [...r.residentIds],
      args: {
        read: Object.fromEntries([...r.counts].sort()),
        subjects: Object.fromEntries(r.subjects),
        people: r.subjects.size,
        reads: r.total,
      },
    };
  }

  /** Wraps the resolvers of `schema` in place by the rules; returns the schema. */
  apply(schema: GraphQLSchema): GraphQLSchema {
    const ruled = (t: GraphQLNamedType | undefined) => !!t && this.rules.has(t.name);
    const abstractRuled = (t: GraphQLAbstractType) => schema.getPossibleTypes(t).some((p) => ruled(p));
    /** Edge types of connections whose node is ruled: an edge goes when its node does. */
    const edgeNode = (t: GraphQLObjectType) => {
      const node = t.getFields().node;
      return node && 'cursor' in t.getFields() ? getNamedType(node.type) : undefined;
    };
    const needsCheck = (t: GraphQLNamedType): boolean => {
      if (isObjectType(t)) {
        if (ruled(t)) return true;
        const node = edgeNode(t);
        return !!node && needsCheck(node);
      }
      return isAbstractType(t) && abstractRuled(t);
    };
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      const rule = this.rules.get(type.name) as ObjectRule<Ctx, object> | undefined;
      for (const field of Object.values(type.getFields())) {
        const checked = needsCheck(getNamedType(field.type));
        if (!rule && !checked) continue;
        field.resolve = this.wrap(type.name, rule, field, checked);
      }
    }
    applied.set(schema, this as unknown as ObjectAccess<never>);
    return schema;
  }

  private wrap(
    typeName: string,
    rule: ObjectRule<Ctx, object> | undefined,
    field: GraphQLField<unknown, unknown>,
    checked: boolean,
  ): GraphQLFieldResolver<unknown, Ctx> {
    const resolve = (field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, Ctx>;
    const nullable = !isNonNullType(field.type);
    const isPublic = rule?.publicFacts?.includes(field.name) ?? false;
    const kind = rule?.personal?.[field.name];
    const mask = kind && MASKS[kind];
    const run: GraphQLFieldResolver<unknown, Ctx> = checked
      ? (source, args, ctx, info) => this.check(resolve(source, args, ctx, info), field.type, ctx, info)
      : resolve;
    if (!rule) return run;
    const refuse = (view: View) => {
      if (nullable) return null;
      throw view === 'public' ? publicOnly(typeName, field.name) : outOfReach(typeName);
    };
    const onView = (view: View, source: unknown, args: Record<string, unknown>, ctx: Ctx, info: GraphQLResolveInfo) => {
      if (view === 'full') {
        if (!mask || !rule.subject) return run(source, args, ctx, info);
        const value = run(source, args, ctx, info);
        const record = (v: unknown) => {
          if (typeof v === 'string' && v && kind)
            this.note(ctx, info, typeName, field.name, rule.subject?.(source as object) ?? '', kind, v);
          return v;
        };
        return isPromise(value) ? value.then(record) : record(value);
      }
      if (view === 'none' || !isPublic) return refuse(view);
      if (!mask) return run(source, args, ctx, info);
      const value = run(source, args, ctx, info);
      const masked = (v: unknown) => (typeof v === 'string' ? mask(v) : v);
      return isPromise(value) ? value.then(masked) : masked(value);
    };
    return (source, args, ctx, info) => {
      const view = this.view(ctx, typeName, source as object);
      return isPromise<View>(view)
        ? view.then((v) => onView(v, source, args, ctx, info))
        : onView(view, source, args, ctx, info);
    };
  }

  /** Filters a resolved value by the rules of the types it holds: REFUSED for an object out of reach. */
  private check(value: unknown, type: GraphQLOutputType, ctx: Ctx, info: GraphQLResolveInfo): unknown {
    if (isPromise(value)) return value.then((v) => this.check(v, type, ctx, info));
    if (isNonNullType(type)) {
      const inner = this.checkInner(value, type.ofType, ctx, info);
      const fail = () => {
        throw outOfReach(getNamedType(type).name);
      };
      if (isPromise(inner)) return inner.then((v) => (v === REFUSED ? fail() : v));
      return inner === REFUSED ? fail() : inner;
    }
    const inner = this.checkInner(value, type, ctx, info);
    if (isPromise(inner)) return inner.then((v) => (v === REFUSED ? null : v));
    return inner === REFUSED ? null : inner;
  }

  private checkInner(value: unknown, type: GraphQLOutputType, ctx: Ctx, info: GraphQLResolveInfo): unknown {
    if (value == null) return value;
    if (isNonNullType(type)) return this.checkInner(value, type.ofType, ctx, info);
    if (isListType(type)) {
      if (!Array.isArray(value)) return value;
      const items = value.map((item) =>
        isPromise(item)
          ? item.then((v) => this.checkInner(v, type.ofType, ctx, info))
          : this.checkInner(item, type.ofType, ctx, info),
      );
      const keep = (all: unknown[]) => all.filter((v) => v !== REFUSED);
      return items.some(isPromise) ? Promise.all(items).then(keep) : keep(items);
    }
    let name: string | undefined;
    if (isObjectType(type)) {
      if (!this.rules.has(type.name)) {
        const node = type.getFields().node;
        if (node && 'cursor' in type.getFields()) {
          const n = this.checkInner((value as { node?: unknown }).node, node.type, ctx, info);
          const edge = (v: unknown) => (v === REFUSED ? REFUSED : value);
          return isPromise(n) ? n.then(edge) : edge(n);
        }
        return value;
      }
      name = type.name;
    } else if (isAbstractType(type)) {
      // Federation's entities carry their type name (@apollo/subgraph sets __typename on each).
      const typename = (value as { __typename?: unknown }).__typename;
      name = typeof typename === 'string' ? typename : undefined;
      if (!name) {
        const resolved = type.resolveType?.(value, ctx, info, type);
        if (isPromise<string | undefined>(resolved))
          return resolved.then((t) => (t && this.rules.has(t) ? this.byView(t, value, ctx) : value));
        name = typeof resolved === 'string' ? resolved : undefined;
      }
      if (!name || !this.rules.has(name)) return value;
    } else return value;
    return this.byView(name, value, ctx);
  }

  private byView(typeName: string, value: unknown, ctx: Ctx): unknown {
    const view = this.view(ctx, typeName, value as object);
    const pick = (v: View) => (v === 'none' ? REFUSED : value);
    return isPromise<View>(view) ? view.then(pick) : pick(view);
  }
}

/** A subgraph's object rules (one per subgraph, next to its builder). */
export const objectAccess = <Ctx extends { caller: Claims }>() => new ObjectAccess<Ctx>();

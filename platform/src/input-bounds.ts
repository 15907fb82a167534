import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { hubError, type Refusal } from './errors.ts';
import {
  DEFAULT_DATE,
  DEFAULT_TEXT,
  dateRefusal,
  type InputBound,
  type InputBounds,
  itemsRefusal,
  textRefusal,
} from './rules/bounds.ts';

/** The scalars a bound applies to: free text and calendar days (ids and coded scalars check their own shape). */
const BOUNDED = new Set(['String', 'Date']);

/**
 * Walks one input value with its GraphQL type: `key` names the bound (`Type.field` or
 * `Mutation.field.argument`), `path` the field a refusal names, as the domains name them
 * (`name`, `declaredCredentials.0.issuer`).
 */
function walk(
  type: GraphQLInputType,
  value: unknown,
  key: string,
  path: string,
  visit: (leaf: 'String' | 'Date', key: string, path: string, value: unknown) => void,
  list: (key: string, path: string, length: number) => void,
): void {
  if (value == null) return;
  const t = getNullableType(type);
  if (isListType(t)) {
    const items = Array.isArray(value) ? value : [value];
    list(key, path, items.length);
    items.forEach((v, i) => {
      walk(t.ofType, v, key, Array.isArray(value) ? `${path}.${i}` : path, visit, list);
    });
  } else if (isInputObjectType(t)) {
    for (const f of Object.values(t.getFields())) {
      walk(
        f.type,
        (value as Record<string, unknown>)[f.name],
        `${t.name}.${f.name}`,
        path ? `${path}.${f.name}` : f.name,
        visit,
        list,
      );
    }
  } else if (isScalarType(t) && BOUNDED.has(t.name)) {
    visit(t.name as 'String' | 'Date', key, path, value);
  }
}

/** The path a refusal names for an argument: the fields of `input` by their own names, others by the argument's. */
const argPath = (arg: GraphQLArgument) => (arg.name === 'input' ? '' : arg.name);

/**
 * Why a mutation's arguments are refused by the subgraph's input bounds: every free text and
 * date in them, at any depth, checked against its bound (or the default one); empty when all fit.
 */
export function inputBoundRefusals(
  field: Pick<GraphQLField<unknown, unknown>, 'name' | 'args'>,
  values: Record<string, unknown>,
  bounds: InputBounds,
  today: string,
  root: 'Mutation' | 'Query' = 'Mutation',
): Refusal[] {
  const out: Refusal[] = [];
  const boundOf = (key: string, leaf: 'String' | 'Date'): InputBound =>
    bounds[key] ?? (leaf === 'String' ? DEFAULT_TEXT : DEFAULT_DATE);
  for (const arg of field.args) {
    walk(
      arg.type,
      values[arg.name],
      `${root}.${field.name}.${arg.name}`,
      argPath(arg),
      (leaf, key, path, value) => {
        const bound = boundOf(key, leaf);
        const refusal =
          leaf === 'String' && bound.kind === 'text' && typeof value === 'string'
            ? textRefusal(path, value, bound)
            : leaf === 'Date' && bound.kind === 'date' && (value instanceof Date || typeof value === 'string')
              ? dateRefusal(path, value, bound, today)
              : null;
        if (refusal) out.push(refusal);
      },
      (key, path, length) => {
        const bound = bounds[key];
        const refusal = bound ? itemsRefusal(path, length, bound) : null;
        if (refusal) out.push(refusal);
      },
    );
  }
  return out;
}

/**
 * The texts and dates of a schema's mutations with no bound of their own (they get the default),
 * and the bounds that name no input (a typo, or an input since removed): both should be empty.
 */
export function inputBoundsCoverage(schema: GraphQLSchema, bounds: InputBounds) {
  const seen = new Set<string>();
  const missing = new Set<string>();
  // A mutation's every text and date needs a bound of its own; a query's may keep the default
  // (cursors, 市州 codes, filter dates), but a bound named for one must name a real argument.
  const visitType = (type: GraphQLInputType, key: string, done: Set<string>, required: boolean) => {
    const t = getNullableType(type);
    if (isListType(t)) return visitType(t.ofType, key, done, required);
    if (isInputObjectType(t)) {
      if (done.has(t.name)) return;
      done.add(t.name);
      for (const f of Object.values(t.getFields())) visitType(f.type, `${t.name}.${f.name}`, done, required);
      return;
    }
    if (isScalarType(t) && BOUNDED.has(t.name)) {
      seen.add(key);
      if (required && !bounds[key]) missing.add(key);
    }
  };
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    for (const arg of field.args) visitType(arg.type, `Mutation.${field.name}.${arg.name}`, new Set(), true);
  }
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    for (const arg of field.args) visitType(arg.type, `Query.${field.name}.${arg.name}`, new Set(), false);
  }
  return {
    missing: [...missing].sort(),
    unknown: Object.keys(bounds)
      .filter((k) => !seen.has(k))
      .sort(),
  };
}

/** A field refused by its bounds: its payload's `errors` (nothing ran), or BAD_USER_INPUT without a payload. */
function refused(field: GraphQLField<unknown, unknown>, refusals: Refusal[]) {
  const type = getNamedType(field.type);
  if (isObjectType(type) && type.getFields().errors) return { errors: refusals };
  const [first] = refusals;
  throw hubError('BAD_USER_INPUT', refusals.map((r) => r.message).join('; '), {
    reason: first?.code,
    field: first?.field,
  });
}

const todayOf = (ctx: unknown) =>
  (ctx as { clock?: { today(): string } }).clock?.today() ?? new Date().toISOString().slice(0, 10);

/**
 * Pothos plugin: checks the arguments of every mutation and every root query against the
 * builder's `inputBounds` before the field runs — inside scope-auth (listed after it), so a caller
 * who may not call the field is refused as such first — and answers a refusal naming the field,
 * with nothing written (a query's filter dates and texts are bounded too: `0001-01-01` is no day
 * of this hub's records).
 */
export class InputBoundsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    const root = fieldConfig.kind;
    if (root !== 'Mutation' && root !== 'Query') return resolver;
    if (root === 'Query' && Object.keys(fieldConfig.args).length === 0) return resolver;
    const bounds = this.builder.options.inputBounds ?? {};
    return (parent, args, ctx, info) => {
      const field = info.parentType.getFields()[info.fieldName];
      if (!field) return resolver(parent, args, ctx, info);
      const refusals = inputBoundRefusals(field, args as Record<string, unknown>, bounds, todayOf(ctx), root);
      return refusals.length ? refused(field, refusals) : resolver(parent, args, ctx, info);
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      inputBounds: InputBoundsPlugin<Types>;
    }
    interface SchemaBuilderOptions<Types extends SchemaTypes> {
      /** The subgraph's input bounds (rules/input-bounds.ts); mutations' texts and dates without one get the default. */
      inputBounds?: InputBounds;
    }
  }
}

export const inputBoundsPlugin = 'inputBounds' as const;
SchemaBuilder.registerPlugin(inputBoundsPlugin, InputBoundsPlugin);

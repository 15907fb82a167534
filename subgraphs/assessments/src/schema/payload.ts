import type { Refusal } from '@hub/platform';
import { builder, UserError } from '../builder.ts';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type FieldBuilder<Shape> = PothosSchemaTypes.ObjectFieldBuilder<Types, Shape>;

/**
 * A mutation payload: what was made or changed (null when refused) and the
 * refusals, each naming its rule. A refused mutation changed nothing.
 */
export function payloadType<Shape extends { errors: Refusal[] }>(
  name: string,
  description: string,
  fields: (t: FieldBuilder<Shape>) => Record<string, unknown>,
) {
  return builder.objectRef<Shape>(name).implement({
    description,
    fields: (t) => ({
      ...(fields(t as unknown as FieldBuilder<Shape>) as object),
      errors: t.field({
        type: [UserError],
        description: 'Why the change was refused (nothing was changed); empty when it was made.',
        resolve: (p) => p.errors,
      }),
    }),
  });
}

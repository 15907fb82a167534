import { SUBGRAPHS } from '@hub/schema';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';

/** Federation's own machinery, which clients never see through the gateway. */
const INTERNAL = /^(_|link__|federation__|join__)/;

const BUILT_IN = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);

interface Described {
  name: string;
  description?: string | null;
}
interface AnyType extends Described {
  getFields?: () => Record<string, Described & { args?: Described[] }>;
  getValues?: () => Described[];
}

// Duck-typed on purpose: vitest may load graphql twice (ESM and CJS), which breaks instanceof checks.
function undescribed(schema: { getTypeMap(): Record<string, unknown> }): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap()) as AnyType[]) {
    if (type.name.startsWith('__') || INTERNAL.test(type.name) || BUILT_IN.has(type.name)) continue;
    if (!type.description?.trim()) missing.push(type.name);
    if (type.getFields) {
      for (const field of Object.values(type.getFields())) {
        if (INTERNAL.test(field.name)) continue;
        if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args ?? []) {
          if (!arg.description?.trim()) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    if (type.getValues) {
      for (const value of type.getValues()) {
        if (!value.description?.trim()) missing.push(`${type.name}.${value.name}`);
      }
    }
  }
  return missing;
}

describe('every public type and field says what it means', () => {
  it('the check itself finds an undescribed type, field, argument and enum value', () => {
    const bare = buildSchema(`
      "Root." type Query { "Described." ok: Int, bare(x: Int): Int }
      type Thing { "Described." a: Int }
      "An enum." enum Mood { "Glad." GLAD SAD }
    `);
    expect(undescribed(bare).sort()).toEqual(['Mood.SAD', 'Query.bare', 'Query.bare(x)', 'Thing'].sort());
  });

  for (const subgraph of SUBGRAPHS) {
    it(`${subgraph.name}: types, fields, arguments and enum values have descriptions`, () => {
      expect(undescribed(subgraph.schema)).toEqual([]);
    });
  }
});

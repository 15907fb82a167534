import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { inputBoundRefusals, inputBoundsCoverage } from '../src/input-bounds.ts';
import { addYears, date, dateRefusal, each, inputDay, text, textRefusal } from '../src/rules/bounds.ts';

const TODAY = '2026-12-07';

describe('input bound rules', () => {
  it('refuses a text longer than its bound, naming the field: TOO_LONG', () => {
    expect(textRefusal('name', '张'.repeat(50), { max: 50 })).toBeNull();
    expect(textRefusal('name', '张'.repeat(10_000), { max: 50, label: '姓名' })).toEqual({
      code: 'TOO_LONG',
      message: '姓名不超过50个字符（现为10000个）',
      field: 'name',
    });
  });

  it('refuses a date outside its days, the year 1 and five-digit years included: DATE_OUT_OF_RANGE', () => {
    const founded = { from: '1900-01-01', to: { years: 0 }, label: '成立时间' };
    expect(dateRefusal('foundedOn', new Date('2001-05-01'), founded, TODAY)).toBeNull();
    expect(dateRefusal('foundedOn', new Date(TODAY), founded, TODAY)).toBeNull();
    expect(dateRefusal('foundedOn', new Date('0001-01-01T00:00:00Z'), founded, TODAY)).toMatchObject({
      code: 'DATE_OUT_OF_RANGE',
      field: 'foundedOn',
      message: '成立时间须在1900-01-01至2026-12-07之间（现为0001-01-01）',
    });
    expect(dateRefusal('foundedOn', new Date('2026-12-08'), founded, TODAY)?.code).toBe('DATE_OUT_OF_RANGE');
    const far = new Date(Date.UTC(2026, 0, 1));
    far.setUTCFullYear(12026);
    expect(inputDay(far)).toBeNull();
    expect(dateRefusal('d', far, { from: '1900-01-01', to: { years: 10 } }, TODAY)?.message).toBe(
      'd须在1900-01-01至2036-12-07之间',
    );
  });

  it('moves days by whole years, 29 February to 28 February in a common year', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears(TODAY, -10)).toBe('2016-12-07');
  });
});

describe('input bounds of a mutation', () => {
  const schema = buildSchema(`
    scalar Date
    input CredentialInput { number: String!, issuedOn: Date! }
    input WorkerInput { name: String!, credentials: [CredentialInput!], nicknames: [String!] }
    type Payload { ok: Boolean, errors: [String!]! }
    type Query { x: Int }
    type Mutation {
      register(input: WorkerInput!, note: String): Payload
      revoke(numbers: [String!]!): Boolean
    }
  `);
  const register = schema.getMutationType()?.getFields().register;
  const bounds = {
    'WorkerInput.name': text(50),
    'WorkerInput.nicknames': each(2, text(10)),
    'CredentialInput.number': text(30),
    'CredentialInput.issuedOn': date('1950-01-01', { years: 0 }),
    'Mutation.register.note': text(100),
    'Mutation.revoke.numbers': each(3, text(30)),
  };

  it('checks every text and date at any depth, naming fields as the domains do', () => {
    if (!register) throw new Error('no register field');
    const refusals = inputBoundRefusals(
      register,
      {
        input: {
          name: 'x'.repeat(51),
          credentials: [
            { number: 'ok', issuedOn: new Date('2020-01-01') },
            { number: 'n'.repeat(31), issuedOn: new Date('1000-01-01') },
          ],
          nicknames: ['a', 'b', 'c'],
        },
        note: 'y'.repeat(101),
      },
      bounds,
      TODAY,
    );
    expect(refusals.map((r) => [r.code, r.field])).toEqual([
      ['TOO_LONG', 'name'],
      ['TOO_LONG', 'credentials.1.number'],
      ['DATE_OUT_OF_RANGE', 'credentials.1.issuedOn'],
      ['TOO_MANY_ITEMS', 'nicknames'],
      ['TOO_LONG', 'note'],
    ]);
    expect(inputBoundRefusals(register, { input: { name: 'ok', credentials: null } }, bounds, TODAY)).toEqual([]);
  });

  it('bounds a text without an entry by the default (200), and lists such texts and stale entries', () => {
    const revoke = schema.getMutationType()?.getFields().revoke;
    if (!revoke || !register) throw new Error('no fields');
    expect(inputBoundRefusals(register, { input: { name: 'ok' }, note: 'z'.repeat(201) }, {}, TODAY)).toMatchObject([
      { code: 'TOO_LONG', field: 'note' },
    ]);
    expect(inputBoundRefusals(revoke, { numbers: ['a', 'b', 'c', 'd'] }, bounds, TODAY)).toMatchObject([
      { code: 'TOO_MANY_ITEMS', field: 'numbers' },
    ]);
    expect(inputBoundsCoverage(schema, { ...bounds, 'WorkerInput.gone': text(5) })).toEqual({
      missing: [],
      unknown: ['WorkerInput.gone'],
    });
    expect(inputBoundsCoverage(schema, {}).missing).toEqual([
      'CredentialInput.issuedOn',
      'CredentialInput.number',
      'Mutation.register.note',
      'Mutation.revoke.numbers',
      'WorkerInput.name',
      'WorkerInput.nicknames',
    ]);
  });
});

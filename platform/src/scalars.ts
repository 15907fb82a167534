import { creditCodeProblem, residentIdProblem } from '@hub/vocabulary';
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

function stringScalar(name: string, description: string, problemOf: (v: string) => string | null) {
  const check = (value: unknown): string => {
    if (typeof value !== 'string') throw new GraphQLError(`${name} must be a string`);
    const normalised = value.trim().toUpperCase();
    const problem = problemOf(normalised);
    if (problem) throw new GraphQLError(`${name} is invalid: ${problem}`, { extensions: { code: 'BAD_USER_INPUT' } });
    return normalised;
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    serialize: (v) => String(v),
    parseValue: check,
    parseLiteral: (ast: ValueNode) => {
      if (ast.kind !== Kind.STRING) throw new GraphQLError(`${name} must be a string literal`);
      return check(ast.value);
    },
  });
}

export const CreditCodeScalar = stringScalar(
  'CreditCode',
  '统一社会信用代码: the 18-character unified social credit code, checked by its GB 32100-2015 check character.',
  (v) => {
    const problem = creditCodeProblem(v);
    if (!problem) return null;
    return problem === 'SHAPE'
      ? 'needs 18 characters from 0-9 and A-Y (no I, O, S, V, Z)'
      : 'wrong GB 32100 check character';
  },
);

export const ResidentIdScalar = stringScalar(
  'ResidentId',
  '公民身份号码: an 18-character resident identity number with a valid GB 11643 check character. Returned masked to everyone but its holder’s enterprise and the authorities.',
  (v) => {
    const problem = residentIdProblem(v);
    if (!problem) return null;
    return {
      SHAPE: 'needs 17 digits and a check character',
      BIRTH_DATE: 'the birth date is impossible',
      CHECK_DIGIT: 'wrong GB 11643 check character',
    }[problem];
  },
);

/** 职业编码: 1-00-00-00 (大类) … 6-18-01-01 (职业); a 工种 adds one segment (6-18-01-01-01). */
export const OCCUPATION_CODE = /^\d-\d{2}-\d{2}-\d{2}(-\d{2})?$/;

export const OccupationCodeScalar = stringScalar(
  'OccupationCode',
  '职业编码 from the 2022 occupation dictionary, e.g. 6-18-01-01; a work type (工种) code has one more segment, e.g. 6-18-01-01-01.',
  (v) => (OCCUPATION_CODE.test(v) ? null : 'expected the shape 6-18-01-01 (or 6-18-01-01-01 for a work type)'),
);

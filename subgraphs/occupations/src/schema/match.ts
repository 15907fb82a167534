import { access, hubError } from '@hub/platform';
import { builder } from '../builder.ts';
import type { OccupationRow, WorkTypeRow } from '../loaders.ts';
import { MAX_DESCRIPTION_LENGTH, MAX_TITLE_LENGTH, normalizeText } from '../rules/text.ts';
import { Occupation, WorkType } from './refs.ts';

interface MatchShape {
  occupation: OccupationRow;
  workType: WorkTypeRow | null;
  score: number;
  reason: string;
}

export const MAX_MATCHES = 20;

export const MatchScope = builder.enumType('MatchScope', {
  description: 'Which occupations a match ranks.',
  values: {
    SKILL: {
      description:
        '技能类职业 only (Occupation.isSkill) and their work types: what filings, plans and certificates take (湘人社发〔2024〕26号 附表备注1). The default.',
    },
    ALL: { description: 'Every 职业 of the dictionary, 专业技术人员 and 负责人 included.' },
  } as const,
});

const OccupationMatch = builder.objectRef<MatchShape>('OccupationMatch').implement({
  description:
    '相邻相近原则: a dictionary occupation (职业) or work type (工种) near a job role the dictionary lacks, with how near and why.',
  fields: (t) => ({
    occupation: t.field({ type: Occupation, description: '职业 (tier OCCUPATION).', resolve: (m) => m.occupation }),
    workType: t.field({
      type: WorkType,
      nullable: true,
      description: '工种, when the match is a work type of the occupation.',
      resolve: (m) => m.workType,
    }),
    score: t.float({
      description:
        'How near, 0 (unrelated) … 1 (the same role): the matcher’s chance that this is the right occupation. The list is in the order of its scores: where a rule (an equal name or alias, a trade name the title ends with) places a candidate above others, it shows at least the best score among them.',
      resolve: (m) => m.score,
    }),
    reason: t.exposeString('reason', {
      description:
        'Why, in words: shared terms or characters, an alias hit, the category above, the definition, or a confirmed mapping of another enterprise.',
    }),
  }),
});

/** Checks a title and description; throws a BAD_USER_INPUT error naming the field. */
export function checkRoleText(title: string, description: string | null | undefined, titleField = 'title'): void {
  const t = normalizeText(title);
  if (!t) throw hubError('BAD_USER_INPUT', `"${titleField}" must not be empty`, { field: titleField });
  const length = [...t].length;
  if (length > MAX_TITLE_LENGTH) {
    throw hubError(
      'BAD_USER_INPUT',
      `"${titleField}" has at most ${MAX_TITLE_LENGTH} characters (it has ${length}); put details in "description"`,
      { field: titleField },
    );
  }
  if (!/[\p{L}\p{N}]/u.test(t)) {
    throw hubError('BAD_USER_INPUT', `"${titleField}" has no letters or digits`, { field: titleField });
  }
  if (description != null && [...description].length > MAX_DESCRIPTION_LENGTH) {
    throw hubError('BAD_USER_INPUT', `"description" has at most ${MAX_DESCRIPTION_LENGTH} characters`, {
      field: 'description',
    });
  }
}

builder.queryFields((t) => ({
  matchOccupations: t.field({
    type: [OccupationMatch],
    description:
      '相邻相近原则: ranks the occupations (职业) and work types (工种) nearest to a job role the dictionary lacks, best first; one entry per occupation; skill occupations (技能类职业) only unless `scope: ALL`. Confirmed job-role mappings of every enterprise count. Any signed-in caller.',
    authScopes: access('Query.matchOccupations'),
    args: {
      title: t.arg.string({
        required: true,
        description: `岗位名称, e.g. 锂电池极片制片工 (1–${MAX_TITLE_LENGTH} characters)`,
      }),
      description: t.arg.string({
        required: false,
        description: `岗位描述: what the role does (optional, at most ${MAX_DESCRIPTION_LENGTH} characters); matched against definitions and tasks.`,
      }),
      first: t.arg.int({
        required: false,
        defaultValue: 5,
        description: `How many candidates, 1–${MAX_MATCHES} (default 5).`,
      }),
      scope: t.arg({
        type: MatchScope,
        required: false,
        defaultValue: 'SKILL',
        description: 'SKILL (default): skill occupations (技能类职业) only; ALL: every 职业.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      checkRoleText(args.title, args.description);
      const first = args.first ?? 5;
      if (!Number.isInteger(first) || first < 1 || first > MAX_MATCHES) {
        throw hubError('BAD_USER_INPUT', `"first" must be 1–${MAX_MATCHES}`, { field: 'first' });
      }
      const found = await ctx.matcher.match(
        { title: args.title, description: args.description ?? null, scope: args.scope ?? 'SKILL' },
        first,
      );
      const [occupations, types] = await Promise.all([
        Promise.all(found.map((m) => ctx.loaders.occupationByCode.load(m.occupationCode))),
        Promise.all(found.map((m) => (m.workTypeCode ? ctx.loaders.workTypeByCode.load(m.workTypeCode) : null))),
      ]);
      const out: MatchShape[] = [];
      found.forEach((m, i) => {
        const occupation = occupations[i];
        // The index can trail the database by one request; skip what no longer exists.
        if (occupation) out.push({ occupation, workType: types[i] ?? null, score: m.score, reason: m.reason });
      });
      return out;
    },
  }),
}));

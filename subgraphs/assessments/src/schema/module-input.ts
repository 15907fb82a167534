import { builder } from '../builder.ts';

/** 考核模块 as input: the plan's report and the 工作方案's method standard both take it (modules.ts). */
export const PlanModuleInput = builder.inputType('PlanModuleInput', {
  description: '考核模块 as a plan or a 工作方案 states it.',
  fields: (t) => ({
    name: t.string({ required: true, description: '模块名称 (each once, at most 50 characters)' }),
    weight: t.int({
      required: false,
      description: '权重 (1–100, relative): on every module or on none (equal weights)',
    }),
    passMark: t.int({ required: false, description: '模块合格线 (1–100; default 60)' }),
  }),
});

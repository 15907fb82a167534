import { print } from '@0no-co/graphql.web';
import type { TadaDocumentNode, VariablesOf } from 'gql.tada';
import {
  CandidateResultEvents,
  CertificateEvents,
  Certificates,
  ImportCandidates,
  ImportScores,
  ImportWorkers,
  PauseWebhook,
  PlanEvents,
  PlanResults,
  Plans,
  RegisterWebhook,
  RegisterWorker,
  RemoveWebhook,
  ResumeWebhook,
  Webhooks,
} from './operations.ts';

export interface PartnerClientOptions {
  /** The hub's GraphQL endpoint, e.g. `https://hub.example.cn/graphql`. */
  url: string;
  /** The partner credential's token (合作系统凭证), as issued by `issuePartnerCredential`. */
  token: string;
  /** Another fetch (a proxy agent, a test double of the network); default the global one. */
  fetch?: typeof fetch;
  /** Rows per page when paging through a list; the hub caps it (default 100). */
  pageSize?: number;
}

/** The hub refused the request as a whole: a GraphQL error's code, or the HTTP status when there is none. */
export class HubError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(`${code}: ${message}`);
    this.name = 'HubError';
  }
}

/** A mutation answered with user errors (a rule refused it; nothing was written). */
export class HubRefusal extends HubError {
  constructor(readonly errors: readonly { code: string; message: string; field: string | null }[]) {
    const first = errors[0];
    super(first?.code ?? 'REFUSED', errors.map((e) => `${e.code} ${e.message}`).join('; '), 200);
    this.name = 'HubRefusal';
  }
}

type ImportRows<D> = D extends TadaDocumentNode<unknown, infer V> ? (V extends { rows: infer R } ? R : never) : never;

/**
 * A partner HR system's client of the hub: typed operations for the everyday sync (workers,
 * candidates, scores, plans and their results, certificates, the change feed and its webhooks).
 * Lists are async iterables that page through the hub's connections; refusals throw `HubRefusal`
 * with the hub's codes.
 */
export function createPartnerClient(options: PartnerClientOptions) {
  const doFetch = options.fetch ?? fetch;
  const pageSize = options.pageSize ?? 100;

  async function request<R, V>(doc: TadaDocumentNode<R, V>, variables: V): Promise<R> {
    const res = await doFetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: `Bearer ${options.token}`,
      },
      body: JSON.stringify({ query: print(doc), variables }),
    });
    let answer: { data?: R | null; errors?: { message: string; extensions?: { code?: string } }[] };
    try {
      answer = (await res.json()) as typeof answer;
    } catch {
      throw new HubError(`HTTP_${res.status}`, res.statusText || 'not a GraphQL answer', res.status);
    }
    const error = answer.errors?.[0];
    if (error) throw new HubError(error.extensions?.code ?? 'GRAPHQL_ERROR', error.message, res.status);
    if (!answer.data) throw new HubError(`HTTP_${res.status}`, 'no data in the answer', res.status);
    return answer.data;
  }

  /** Throws the payload's user errors, if any; returns the payload otherwise. */
  function accepted<P extends { errors: readonly { code: string; message: string; field: string | null }[] }>(
    payload: P,
  ): P {
    if (payload.errors.length > 0) throw new HubRefusal(payload.errors);
    return payload;
  }

  async function* pages<N>(
    fetchPage: (after: string | null) => Promise<{
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: readonly { node: N }[];
    } | null>,
  ): AsyncGenerator<N> {
    let after: string | null = null;
    for (;;) {
      const page = await fetchPage(after);
      if (!page) return;
      for (const edge of page.edges) yield edge.node;
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
      after = page.pageInfo.endCursor;
    }
  }

  return {
    /** Any typed document of the hub's schema, for what the methods below do not cover. */
    request,

    /** 登记职工; throws HubRefusal (e.g. WORKER_ALREADY_REGISTERED) when a rule refuses. */
    async registerWorker(input: VariablesOf<typeof RegisterWorker>['input']) {
      const { registerWorker } = await request(RegisterWorker, { input });
      return accepted(registerWorker).worker;
    },

    /** Workers in bulk: every row checked first, all written or none; the report lists each problem row. */
    async importWorkers(rows: ImportRows<typeof ImportWorkers>, opts: { dryRun?: boolean } = {}) {
      return accepted((await request(ImportWorkers, { rows, dryRun: opts.dryRun ?? false })).importWorkers);
    },

    /** Candidates of a reported plan in bulk (all or none). */
    async importCandidates(planId: string, rows: ImportRows<typeof ImportCandidates>, opts: { dryRun?: boolean } = {}) {
      return accepted(
        (await request(ImportCandidates, { planId, rows, dryRun: opts.dryRun ?? false })).importCandidates,
      );
    },

    /** Scores of a plan's candidates in bulk (all or none). */
    async importScores(planId: string, rows: ImportRows<typeof ImportScores>, opts: { dryRun?: boolean } = {}) {
      return accepted((await request(ImportScores, { planId, rows, dryRun: opts.dryRun ?? false })).importScores);
    },

    /** Every plan of the institution (optionally of one status), page after page. */
    plans(opts: { status?: VariablesOf<typeof Plans>['status'] } = {}) {
      return pages(
        async (after) =>
          (await request(Plans, { status: opts.status ?? null, first: pageSize, after })).evaluationPlans,
      );
    },

    /** Every candidate of one plan with scores, result and certificate, page after page. */
    planResults(planId: string) {
      return pages(
        async (after) =>
          (await request(PlanResults, { planId, first: pageSize, after })).evaluationPlan?.candidates ?? null,
      );
    },

    /**
     * 变更推送: the institution's certificate events after `after` (a cursor the partner kept; none:
     * from the start), oldest first, page after page. Keep the last event's `cursor` to read on later.
     */
    certificateEvents(opts: { after?: string | null } = {}) {
      return pages(
        async (after) =>
          (await request(CertificateEvents, { after: after ?? opts.after ?? null, first: pageSize })).certificateEvents,
      );
    },

    /** The institution's plan events (results reviewed, publicised, submitted) after `after`, oldest first. */
    planEvents(opts: { after?: string | null } = {}) {
      return pages(
        async (after) =>
          (await request(PlanEvents, { after: after ?? opts.after ?? null, first: pageSize })).planEvents,
      );
    },

    /** The institution's candidate-result events (determined, corrected) after `after`, oldest first. */
    candidateResultEvents(opts: { after?: string | null } = {}) {
      return pages(
        async (after) =>
          (await request(CandidateResultEvents, { after: after ?? opts.after ?? null, first: pageSize }))
            .candidateResultEvents,
      );
    },

    /** 推送地址 of the institution (removed ones too with `includeRemoved`). */
    async webhooks(opts: { includeRemoved?: boolean } = {}) {
      return (await request(Webhooks, { includeRemoved: opts.includeRemoved ?? false })).webhooks;
    },

    /** 注册推送地址 (a write-enabled credential); the secret is never shown again — keep it to verify deliveries. */
    async registerWebhook(input: VariablesOf<typeof RegisterWebhook>['input']) {
      return accepted((await request(RegisterWebhook, { input })).registerWebhook).webhook;
    },

    /** 暂停推送: nothing is delivered until `resumeWebhook`. */
    async pauseWebhook(id: string) {
      return accepted((await request(PauseWebhook, { id })).pauseWebhook).webhook;
    },

    /** 恢复推送 from the first event not yet acknowledged. */
    async resumeWebhook(id: string) {
      return accepted((await request(ResumeWebhook, { id })).resumeWebhook).webhook;
    },

    /** 删除推送地址: nothing more is delivered. */
    async removeWebhook(id: string) {
      return accepted((await request(RemoveWebhook, { id })).removeWebhook).webhook;
    },

    /** Every certificate of the institution (optionally only those not yet in the national system). */
    certificates(opts: { nationalUpload?: VariablesOf<typeof Certificates>['nationalUpload'] } = {}) {
      return pages(
        async (after) =>
          (await request(Certificates, { first: pageSize, after, nationalUpload: opts.nationalUpload ?? null }))
            .certificates,
      );
    },
  };
}

export type PartnerClient = ReturnType<typeof createPartnerClient>;

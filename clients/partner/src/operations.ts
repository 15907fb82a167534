import { graphql } from './graphql.ts';

/**
 * The operations of a partner HR system's everyday sync (issue #30 point 5), checked against the
 * committed supergraph at typecheck. Each reads or writes its own institution's records only: the
 * hub answers a partner credential for the enterprise it was issued for (docs/security.md).
 */

const UserErrorFields = graphql(`
  fragment UserErrorFields on UserError @_unmask {
    code
    message
    field
  }
`);

const ImportFields = graphql(
  `
  fragment ImportFields on ImportPayload @_unmask {
    imported
    checked
    dryRun
    problems { row field code message }
    errors { ...UserErrorFields }
  }
`,
  [UserErrorFields],
);

/** 登记职工: one worker of the partner's enterprise. */
export const RegisterWorker = graphql(
  `
  mutation RegisterWorker($input: RegisterWorkerInput!) {
    registerWorker(input: $input) {
      worker { id name employedSince dispatched }
      errors { ...UserErrorFields }
    }
  }
`,
  [UserErrorFields],
);

/** 批量登记职工: all rows or none (the Excel import's rules); `dryRun` checks only. */
export const ImportWorkers = graphql(
  `
  mutation ImportWorkers($rows: [ImportWorkerRow!]!, $dryRun: Boolean) {
    importWorkers(rows: $rows, dryRun: $dryRun) { ...ImportFields }
  }
`,
  [ImportFields],
);

/** 批量添加参评人员 to a reported plan, by resident ID and name. */
export const ImportCandidates = graphql(
  `
  mutation ImportCandidates($planId: ID!, $rows: [ImportCandidateRow!]!, $dryRun: Boolean) {
    importCandidates(planId: $planId, rows: $rows, dryRun: $dryRun) { ...ImportFields }
  }
`,
  [ImportFields],
);

/** 批量录入成绩 of a plan's candidates, each score with its assessor's name. */
export const ImportScores = graphql(
  `
  mutation ImportScores($planId: ID!, $rows: [ImportScoreRow!]!, $dryRun: Boolean) {
    importScores(planId: $planId, rows: $rows, dryRun: $dryRun) { ...ImportFields }
  }
`,
  [ImportFields],
);

/** The institution's evaluation plans (评价计划), newest first, a page at a time. */
export const Plans = graphql(`
  query Plans($status: PlanStatus, $first: Int, $after: String) {
    evaluationPlans(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          status
          method
          level
          evaluationDate
          occupation { code name }
          workTypeCode
          resultsSubmittedOn
        }
      }
    }
  }
`);

/** One plan's candidates with their scores, result and certificate (评价结果), a page at a time. */
export const PlanResults = graphql(`
  query PlanResults($planId: ID!, $first: Int, $after: String) {
    evaluationPlan(id: $planId) {
      id
      status
      candidates(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          node {
            id
            worker { id name }
            partScores { part score }
            total
            result
            withdrawal { on reason }
            certificate { number issuedOn status }
          }
        }
      }
    }
  }
`);

/** The institution's certificates (职业技能等级证书), a page at a time. */
export const Certificates = graphql(`
  query Certificates($first: Int, $after: String, $nationalUpload: NationalUploadFilter) {
    certificates(first: $first, after: $after, nationalUpload: $nationalUpload) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          number
          level
          occupation { code name }
          workTypeCode
          holderName
          issuedOn
          status
          revokedOn
          nationalUpload
          candidate { id worker { id } }
        }
      }
    }
  }
`);

/** 证书变更推送: the institution's certificates issued, revoked, uploaded, corrected — oldest first from a cursor. */
export const CertificateEvents = graphql(`
  query CertificateEvents($after: String, $first: Int) {
    certificateEvents(after: $after, first: $first) {
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          type
          cursor
          occurredAt
          number
          status
          workerId
          candidateId
          planId
          occupationCode
          workTypeCode
          level
          issuedOn
          revokedOn
          uploadedOn
        }
      }
    }
  }
`);

/** 评价计划结果变更推送: the institution's plans reviewed, publicised, submitted. */
export const PlanEvents = graphql(`
  query PlanEvents($after: String, $first: Int) {
    planEvents(after: $after, first: $first) {
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          type
          cursor
          occurredAt
          planId
          status
          occupationCode
          workTypeCode
          level
          method
          evaluationDate
          reviewedOn
          publicityStartsOn
          publicityEndsOn
          resultsSubmittedOn
          passed
          failed
          withheld
        }
      }
    }
  }
`);

/** 参评人员评价结果变更推送: results determined by the review, or corrected after an objection. */
export const CandidateResultEvents = graphql(`
  query CandidateResultEvents($after: String, $first: Int) {
    candidateResultEvents(after: $after, first: $first) {
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          type
          cursor
          occurredAt
          candidateId
          workerId
          planId
          occupationCode
          workTypeCode
          level
          result
          total
          decidedOn
        }
      }
    }
  }
`);

const WebhookFields = graphql(`
  fragment WebhookFields on Webhook @_unmask {
    id
    url
    topics
    description
    status
    pausedReason
    cursor
    failures
    nextAttemptAt
    lastSuccessAt
    lastFailureAt
    lastError
    createdAt
    removedAt
  }
`);

const WebhookPayloadFields = graphql(
  `
  fragment WebhookPayloadFields on WebhookPayload @_unmask {
    webhook { ...WebhookFields }
    errors { ...UserErrorFields }
  }
`,
  [WebhookFields, UserErrorFields],
);

/** 推送地址 of the institution, oldest first (removed ones too when asked). */
export const Webhooks = graphql(
  `
  query Webhooks($includeRemoved: Boolean) {
    webhooks(includeRemoved: $includeRemoved) { ...WebhookFields }
  }
`,
  [WebhookFields],
);

/** 注册推送地址: the feed is POSTed there, signed with the secret (a write-enabled credential). */
export const RegisterWebhook = graphql(
  `
  mutation RegisterWebhook($input: RegisterWebhookInput!) {
    registerWebhook(input: $input) { ...WebhookPayloadFields }
  }
`,
  [WebhookPayloadFields],
);

/** 暂停推送 until resumed; the feed keeps every event meanwhile. */
export const PauseWebhook = graphql(
  `
  mutation PauseWebhook($id: ID!) {
    pauseWebhook(id: $id) { ...WebhookPayloadFields }
  }
`,
  [WebhookPayloadFields],
);

/** 恢复推送 from the first event not yet acknowledged. */
export const ResumeWebhook = graphql(
  `
  mutation ResumeWebhook($id: ID!) {
    resumeWebhook(id: $id) { ...WebhookPayloadFields }
  }
`,
  [WebhookPayloadFields],
);

/** 删除推送地址; its delivery log stays readable. */
export const RemoveWebhook = graphql(
  `
  mutation RemoveWebhook($id: ID!) {
    removeWebhook(id: $id) { ...WebhookPayloadFields }
  }
`,
  [WebhookPayloadFields],
);

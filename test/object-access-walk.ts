import { readFileSync } from 'node:fs';
import {
  announcements,
  appointments,
  assessors,
  candidates,
  cases,
  certificates,
  complaints,
  enterpriseSpecifications,
  enterprises,
  evaluationPlans,
  filings,
  inspectors,
  jobRoleMappings,
  objections,
  partnerCredentials,
  supervisorDispatches,
  workers,
} from '@hub/db';
import {
  buildASTSchema,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isNonNullType,
  isObjectType,
  parse,
} from 'graphql';
import type { TestHub } from './helpers.ts';

/**
 * The machinery of the object-access test (object-access.test.ts): traversals generated from the
 * committed supergraph, the records' owners as the database has them, the house reach rule restated
 * apart from the code it checks, and the judge that walks an answer object by object.
 */

const SUPERGRAPH = new URL('../schema/supergraph.graphql', import.meta.url);
const schema = buildASTSchema(parse(readFileSync(SUPERGRAPH, 'utf8')), { assumeValidSDL: true });

/** Objects deep a traversal goes: the root field's object is the first. */
const MAX_OBJECTS = 4;
/** Page size of every connection on the way. */
const PAGE = 3;

// ── Traversals, generated from the supergraph ──

/** Scalars that name a record (to find its owner in the database) or carry personal data (to check masking). */
const IDENTITY = ['id', 'number', 'key', 'code', 'status', 'notifiedOn'];
const PERSONAL: Record<string, string[]> = {
  Certificate: ['holderName', 'holderResidentId', 'revocationReason', 'revokedBy', 'revokedOn', 'uploadedOn'],
  Worker: ['name', 'residentId'],
  Assessor: ['name'],
  Objection: ['raisedBy'],
  Complaint: ['complainantName'],
  Inspector: ['name'],
  Filing: ['enterpriseId', 'commitmentSigner'],
  EnterpriseSpecification: ['title'],
  PartnerCredential: ['enterpriseId'],
  SupervisorDispatch: ['planId'],
  ArchiveLedgerEntry: ['recordedBy'],
};

/** Where a record says its own 市州 (computed records without a row of their own): always selected. */
const OWNED_BY: Record<string, string> = {
  RiskSignal: 'prefecture { code }',
  InspectionCampaign: 'prefecture { code }',
};

const isConnection = (t: GraphQLObjectType) => 'edges' in t.getFields() && 'pageInfo' in t.getFields();

/** The object type a field leads to, seen through a connection's edges and nodes. */
function target(field: GraphQLField<unknown, unknown>): GraphQLCompositeType | null {
  const named = getNamedType(field.type);
  if (!isCompositeType(named)) return null;
  if (isObjectType(named) && isConnection(named)) {
    const edge = getNamedType(named.getFields().edges?.type) as GraphQLObjectType;
    return getNamedType(edge.getFields().node?.type) as GraphQLCompositeType;
  }
  return named;
}

const hasRequiredArgs = (f: GraphQLField<unknown, unknown>) =>
  f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined);

/** One object of a traversal: what it selects, and the objects under it. */
interface Node {
  type: GraphQLCompositeType;
  depth: number;
  children: { field: GraphQLField<unknown, unknown>; node: Node }[];
  /** Concrete types of an abstract one, each with its own selection. */
  kinds: Node[];
}

/**
 * The tree of one traversal, built breadth first so that every object-valued field is taken on its
 * shallowest occurrence, once per traversal (one path per field), until MAX_OBJECTS deep.
 */
function tree(root: GraphQLCompositeType): Node {
  const taken = new Set<string>();
  const top: Node = { type: root, depth: 1, children: [], kinds: [] };
  const queue: Node[] = [top];
  while (queue.length) {
    const node = queue.shift() as Node;
    if (isAbstractType(node.type)) {
      for (const k of schema.getPossibleTypes(node.type).filter((t) => !t.name.startsWith('_'))) {
        const kind: Node = { type: k, depth: node.depth, children: [], kinds: [] };
        node.kinds.push(kind);
        queue.push(kind);
      }
      continue;
    }
    if (node.depth >= MAX_OBJECTS) continue;
    for (const f of Object.values(node.type.getFields())) {
      const next = target(f);
      if (!next || hasRequiredArgs(f) || f.name.startsWith('_')) continue;
      const key = `${node.type.name}.${f.name}`;
      if (taken.has(key)) continue;
      taken.add(key);
      const child: Node = { type: next, depth: node.depth + 1, children: [], kinds: [] };
      node.children.push({ field: f, node: child });
      queue.push(child);
    }
  }
  return top;
}

/** The selection of one object: what names it, what the checks read, and its subtree. */
function selection(node: Node): string {
  if (isAbstractType(node.type)) {
    return `__typename ${node.kinds.map((k) => `... on ${k.type.name} { ${selection(k)} }`).join(' ')}`;
  }
  const fields = node.type.getFields();
  const scalars = [...IDENTITY, ...(PERSONAL[node.type.name] ?? [])].filter(
    (n) => fields[n] && !isCompositeType(getNamedType(fields[n].type)) && !fields[n].args.length,
  );
  const parts = ['__typename', ...scalars];
  const owned = OWNED_BY[node.type.name];
  if (owned && !node.children.some((c) => c.field.name === owned.split(' ')[0])) parts.push(owned);
  for (const { field, node: child } of node.children) {
    const inner = selection(child);
    const named = getNamedType(field.type);
    parts.push(
      isObjectType(named) && isConnection(named)
        ? `${field.name}(first: ${PAGE}) { pageInfo { hasNextPage } edges { node { ${inner} } } }`
        : `${field.name} { ${inner} }`,
    );
  }
  return parts.join(' ');
}

export interface Traversal {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

/** Values for the required arguments of root fields: the records the cross-tenant links run through. */
export type Samples = Record<string, Record<string, unknown>[]>;

export function traversals(samples: Samples): Traversal[] {
  const out: Traversal[] = [];
  const query = schema.getQueryType() as GraphQLObjectType;
  for (const root of Object.values(query.getFields())) {
    if (root.name.startsWith('_')) continue;
    const returned = target(root);
    if (!returned) continue;
    const argSets = samples[root.name] ?? [{}];
    for (const [i, values] of argSets.entries()) {
      const defs = root.args
        .filter((a) => a.name in values)
        .map((a) => `$${a.name}: ${String(a.type)}`)
        .join(', ');
      const args = [
        ...root.args.filter((a) => a.name in values).map((a) => `${a.name}: $${a.name}`),
        ...(root.args.some((a) => a.name === 'first') ? [`first: ${PAGE}`] : []),
      ].join(', ');
      const inner = selection(tree(returned));
      const named = getNamedType(root.type);
      const body =
        isObjectType(named) && isConnection(named)
          ? `{ pageInfo { hasNextPage } edges { node { ${inner} } } }`
          : `{ ${inner} }`;
      out.push({
        name: `${root.name}#${i}`,
        query: `query Walk${defs ? `(${defs})` : ''} { ${root.name}${args ? `(${args})` : ''} ${body} }`,
        variables: values,
      });
    }
  }
  return out;
}

// ── Who asks ──

export interface Who {
  name: string;
  role: 'public' | 'enterprise' | 'hr_partner' | 'city_center' | 'inspector' | 'province_center';
  enterpriseId?: string;
  prefecture?: string;
  token?: string;
}

/** Owner of a record: the institution it belongs to and its own 市州 (null: none). */
interface Owner {
  enterpriseId: string | null;
  prefectureCode: string | null;
}

/** The house reach rule, restated here so the test does not trust the code it checks. */
function reaches(who: Who, o: Owner): boolean {
  switch (who.role) {
    case 'province_center':
      return true;
    case 'enterprise':
    case 'hr_partner':
      return o.enterpriseId != null && o.enterpriseId === who.enterpriseId;
    case 'city_center':
    case 'inspector':
      return o.prefectureCode != null && o.prefectureCode === who.prefecture;
    default:
      return false;
  }
}
const isAuthority = (who: Who) => ['city_center', 'inspector', 'province_center'].includes(who.role);

// ── The records, as the database has them ──

export type Row = Record<string, any>;
export interface Facts {
  enterprisePrefecture: Map<string, string>;
  certificate: Map<string, Row>;
  plan: Map<string, Row>;
  candidate: Map<string, Row>;
  worker: Map<string, Row>;
  assessor: Map<string, Row>;
  objection: Map<string, Row>;
  announcement: Map<string, Row>;
  appointment: Map<string, Row>;
  filing: Map<string, Row>;
  specification: Map<string, Row>;
  credential: Map<string, Row>;
  mapping: Map<string, Row>;
  case: Map<string, Row>;
  complaint: Map<string, Row>;
  inspector: Map<string, Row>;
  dispatch: Map<string, Row>;
}

export async function loadFacts(hub: TestHub): Promise<Facts> {
  const db = hub.db.db;
  const byId = <R extends Row>(rows: R[], key = 'id') => new Map(rows.map((r) => [String(r[key]), r]));
  const ents = await db.select({ id: enterprises.id, p: enterprises.prefectureCode }).from(enterprises);
  return {
    enterprisePrefecture: new Map(ents.map((e) => [e.id, e.p])),
    certificate: byId(
      await db
        .select({ number: certificates.number, e: certificates.enterpriseId, p: certificates.prefectureCode })
        .from(certificates),
      'number',
    ),
    plan: byId(
      await db
        .select({ id: evaluationPlans.id, e: evaluationPlans.enterpriseId, p: evaluationPlans.prefectureCode })
        .from(evaluationPlans),
    ),
    candidate: byId(await db.select({ id: candidates.id, plan: candidates.planId }).from(candidates)),
    worker: byId(await db.select({ id: workers.id, e: workers.institutionId }).from(workers)),
    assessor: byId(await db.select({ id: assessors.id, e: assessors.institutionId }).from(assessors)),
    objection: byId(await db.select({ id: objections.id, plan: objections.planId }).from(objections)),
    announcement: byId(await db.select({ id: announcements.id, e: announcements.institutionId }).from(announcements)),
    appointment: byId(await db.select({ id: appointments.id, e: appointments.institutionId }).from(appointments)),
    filing: byId(await db.select({ id: filings.id, e: filings.enterpriseId }).from(filings)),
    specification: byId(
      await db
        .select({ id: enterpriseSpecifications.id, e: enterpriseSpecifications.enterpriseId })
        .from(enterpriseSpecifications),
    ),
    credential: byId(
      await db.select({ id: partnerCredentials.id, e: partnerCredentials.enterpriseId }).from(partnerCredentials),
    ),
    mapping: byId(await db.select({ id: jobRoleMappings.id, e: jobRoleMappings.enterpriseId }).from(jobRoleMappings)),
    case: byId(
      await db
        .select({ id: cases.id, e: cases.enterpriseId, p: cases.prefectureCode, notified: cases.notifiedOn })
        .from(cases),
    ),
    complaint: byId(
      await db.select({ id: complaints.id, e: complaints.enterpriseId, p: complaints.prefectureCode }).from(complaints),
    ),
    inspector: byId(await db.select({ id: inspectors.id, p: inspectors.prefectureCode }).from(inspectors)),
    dispatch: byId(
      await db
        .select({
          id: supervisorDispatches.id,
          e: supervisorDispatches.enterpriseId,
          p: supervisorDispatches.prefectureCode,
        })
        .from(supervisorDispatches),
    ),
  };
}

/** The owner of an institution's standing record (its workers, team, announcements): the institution as it is now. */
const institutional = (f: Facts, enterpriseId: string): Owner => ({
  enterpriseId,
  prefectureCode: f.enterprisePrefecture.get(enterpriseId) ?? null,
});

/**
 * Whether `who` may see this object as returned, by the record's own owner and 市州; a reason when
 * not. `granted`: it was reached from a record the caller may see that it is part of (a candidate's
 * worker, a plan's assessors and announcement, a dispatch's supervisor).
 */
function verdict(f: Facts, who: Who, obj: Row, granted: boolean): { ok: boolean; checked: boolean; why?: string } {
  const own = (o: Owner | undefined) => {
    if (!o) return { ok: false, checked: true, why: 'unknown record' };
    return reaches(who, o) || granted ? { ok: true, checked: true } : { ok: false, checked: true, why: 'out of reach' };
  };
  const planOwner = (id: string | undefined): Owner | undefined => {
    const p = id ? f.plan.get(id) : undefined;
    return p && { enterpriseId: p.e, prefectureCode: p.p };
  };
  switch (obj.__typename) {
    case 'Certificate': {
      const c = f.certificate.get(obj.number);
      if (!c) return { ok: false, checked: true, why: 'unknown certificate' };
      if (reaches(who, { enterpriseId: c.e, prefectureCode: c.p })) return { ok: true, checked: true };
      // Out of reach: the public facts of 证书查询 at most — no holder in full, nothing of the plan.
      const leaked = [
        typeof obj.holderName === 'string' && !obj.holderName.includes('*') && 'holderName',
        typeof obj.holderResidentId === 'string' && !obj.holderResidentId.includes('*') && 'holderResidentId',
        ...['plan', 'candidate', 'uploadBatch', 'revocationReason', 'revokedBy', 'revokedOn', 'uploadedOn'].map(
          (k) => obj[k] != null && k,
        ),
      ].filter(Boolean);
      return leaked.length
        ? { ok: false, checked: true, why: `out of reach with ${leaked.join(', ')}` }
        : { ok: true, checked: true };
    }
    case 'EvaluationPlan':
      return own(planOwner(obj.id));
    case 'Candidate':
      return own(planOwner(f.candidate.get(obj.id)?.plan));
    case 'Objection':
      return own(planOwner(f.objection.get(obj.id)?.plan));
    case 'Worker':
    case 'Assessor':
    case 'Announcement':
    case 'Appointment':
    case 'Filing':
    case 'EnterpriseSpecification':
    case 'JobRoleMapping': {
      const table = {
        Worker: f.worker,
        Assessor: f.assessor,
        Announcement: f.announcement,
        Appointment: f.appointment,
        Filing: f.filing,
        EnterpriseSpecification: f.specification,
        JobRoleMapping: f.mapping,
      }[obj.__typename as string] as Map<string, Row>;
      const r = table.get(obj.id);
      return own(r && institutional(f, r.e));
    }
    case 'PartnerCredential': {
      const r = f.credential.get(obj.id);
      return r && who.role === 'enterprise' && who.enterpriseId === r.e
        ? { ok: true, checked: true }
        : { ok: false, checked: true, why: 'another’s credential' };
    }
    case 'SupervisorDispatch': {
      const r = f.dispatch.get(obj.id);
      return own(r && { enterpriseId: r.e, prefectureCode: r.p });
    }
    case 'SupervisionCase': {
      const r = f.case.get(obj.id);
      if (!r) return { ok: false, checked: true, why: 'unknown case' };
      const ok = isAuthority(who)
        ? reaches(who, { enterpriseId: r.e, prefectureCode: r.p })
        : reaches(who, { enterpriseId: r.e, prefectureCode: null }) && r.notified != null;
      return ok ? { ok, checked: true } : { ok, checked: true, why: 'case out of reach or not notified' };
    }
    case 'Complaint': {
      const r = f.complaint.get(obj.id);
      const ok = !!r && isAuthority(who) && reaches(who, { enterpriseId: r.e, prefectureCode: r.p });
      return ok ? { ok, checked: true } : { ok, checked: true, why: 'complaint outside the handling authority' };
    }
    case 'RiskSignal': {
      const ok = isAuthority(who) && reaches(who, { enterpriseId: null, prefectureCode: obj.prefecture?.code ?? null });
      return ok ? { ok, checked: true } : { ok, checked: true, why: 'signal out of reach' };
    }
    case 'InspectionCampaign': {
      if (obj.status === 'PUBLISHED') return { ok: true, checked: true };
      const ok = isAuthority(who) && (who.role === 'province_center' || obj.prefecture?.code === who.prefecture);
      return ok ? { ok, checked: true } : { ok, checked: true, why: 'unpublished campaign out of reach' };
    }
    case 'Inspector': {
      const r = f.inspector.get(obj.id);
      const ok =
        granted ||
        (!!r && isAuthority(who) && (r.p == null || reaches(who, { enterpriseId: null, prefectureCode: r.p })));
      return ok ? { ok, checked: true } : { ok, checked: true, why: 'pool member out of reach' };
    }
    default:
      return { ok: true, checked: false };
  }
}

/** Fields whose object is part of the record above it: a caller who may see that record sees it too. */
const PART_OF = new Set([
  'Candidate.worker',
  'PlanStaffMember.assessor',
  'PlanChange.replaced',
  'PlanChange.replacement',
  'Score.assessor',
  'EvaluationPlan.announcement',
  'SupervisorDispatch.supervisor',
  'DrawnInstitution.inspectors',
]);

export interface Finding {
  who: string;
  traversal: string;
  path: string;
  type: string;
  id: string;
  why: string;
}

/** Walks an answer: every object with a __typename is judged; `granted` flows down PART_OF fields. */
export function judge(
  f: Facts,
  who: Who,
  traversal: string,
  data: unknown,
  out: { findings: Finding[]; objects: number },
) {
  const walk = (value: unknown, path: string, parentType: string | null, field: string, parentOk: boolean) => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        walk(v, `${path}[${i}]`, parentType, field, parentOk);
      });
      return;
    }
    if (!value || typeof value !== 'object') return;
    const obj = value as Row;
    let ok = parentOk;
    if (typeof obj.__typename === 'string') {
      const granted = parentOk && parentType != null && PART_OF.has(`${parentType}.${field}`);
      const v = verdict(f, who, obj, granted);
      if (v.checked) {
        out.objects += 1;
        ok = v.ok;
        if (!v.ok) {
          out.findings.push({
            who: who.name,
            traversal,
            path,
            type: obj.__typename,
            id: String(obj.id ?? obj.number ?? obj.key ?? ''),
            why: v.why ?? '',
          });
        }
      }
    }
    const here = typeof obj.__typename === 'string' ? obj.__typename : parentType;
    for (const [k, v] of Object.entries(obj)) {
      // Connections and edges pass the object above them through.
      const through = k === 'edges' || k === 'node';
      walk(v, `${path}.${k}`, through ? parentType : here, through ? field : k, ok);
    }
  };
  walk(data, '', null, '', false);
}

// ── The hub, seeded with cross-tenant links ──

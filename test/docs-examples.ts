import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type OperationDefinitionNode, parse } from 'graphql';

/**
 * What the doc test (docs-examples.test.ts) reads out of README.md and docs/**\/*.md, and how it
 * runs one example. The conventions a writer follows:
 *
 * - Every ```graphql block runs, as the caller named by an HTML comment on the line right above it:
 *   `<!-- role: city_center prefecture=430100 -->`, `<!-- role: enterprise enterprise=$enterpriseId -->`,
 *   `<!-- role: hr_partner token=$partnerToken -->`; without one, as the public (no token).
 *   Its variables (`query ($planId: ID!)`) are filled by name from the demo data (docs/examples.md
 *   lists them) and from values earlier examples of the same page saved:
 *   `<!-- role: admin; save: partnerToken = issuePartnerCredential.token -->` (a path into `data`).
 * - Every ```sh block that calls curl against the hub (http://127.0.0.1:4000) runs: the test reads
 *   the curl argv itself (URL, -H, -d, -X) and sends it with fetch to the test hub. A token comes
 *   from a line `TOKEN=$(pnpm --silent hub token --role R [--prefecture P] [--enterprise ID])`
 *   before it. Other sh blocks (set-up commands, benchmarks) are not run.
 * - An example answers without errors: no GraphQL `errors`, and no non-empty `errors` list in a
 *   mutation payload — unless the result it shows has them.
 * - A ```json block right after an example (blank lines between at most) is the result it shows:
 *   the answer must contain it (objects may leave keys out; arrays list every element).
 * - "answers `X`" in the paragraph that leads in to an example (the prose right above it): some
 *   value in the answer is X.
 * - Examples of one page run in order against one demo hub; the sandbox clock is cleared before
 *   each page.
 */

export const HUB_ORIGIN = 'http://127.0.0.1:4000';

export interface Caller {
  role: string;
  /** Claims and options: enterprise, prefecture, sub, token (values may be `$name`). */
  with: Record<string, string>;
}

export interface Save {
  name: string;
  path: string;
}

export interface Example {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  kind: 'graphql' | 'curl';
  code: string;
  caller: Caller;
  save: Save[];
  /** The ```json block shown right after it, parsed. */
  shows?: unknown;
  /** Values the prose around it says it answers ("answers `VALID`"). */
  answers: string[];
}

interface Block {
  lang: string;
  line: number;
  code: string;
  /** Index of the first line after the closing fence. */
  end: number;
  start: number;
}

/** README.md, then docs/**\/*.md in path order, relative to the repository root. */
export function docFiles(root: string): string[] {
  const out = ['README.md'];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.md')) out.push(rel);
    }
  };
  walk('docs');
  return out;
}

function blocksOf(lines: string[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[i] as string);
    if (!open) continue;
    const [, indent = '', fence = '', lang = ''] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j] as string;
      if (l.trim().startsWith(fence) && l.trim().replace(/[`~]/g, '') === '') break;
      body.push(l.startsWith(indent) ? l.slice(indent.length) : l.trimStart());
    }
    blocks.push({ lang, line: i + 1, code: body.join('\n'), start: i, end: j + 1 });
    i = j;
  }
  return blocks;
}

/** The paragraph of prose nearest above line `before` (blank lines and comments skipped to reach it). */
function paragraphAbove(lines: string[], before: number, floor: number): string {
  const out: string[] = [];
  for (let i = before - 1; i >= floor; i--) {
    const l = (lines[i] as string).trim();
    if (l === '' || l.startsWith('<!--')) {
      if (out.length) break;
      continue;
    }
    if (l.startsWith('#') || /^(`{3,}|~{3,})/.test(l)) break;
    out.unshift(l);
  }
  return out.join(' ');
}

const ANSWERS = /answers `([^`]+)`/g;

/** Parses `role: R k=v …; save: a = x.y, b = z` (the comment's body). */
export function parseRoleComment(body: string): { caller: Caller; save: Save[] } {
  const [who = '', ...rest] = body.split(';').map((s) => s.trim());
  const m = /^role:\s*(\S+)(.*)$/.exec(who);
  if (!m) throw new Error(`an example comment starts with "role: <role>": <!-- ${body} -->`);
  const caller: Caller = { role: m[1] as string, with: {} };
  for (const pair of (m[2] as string).trim().split(/\s+/).filter(Boolean)) {
    const [k, v] = pair.split('=');
    if (!k || v === undefined) throw new Error(`"${pair}" is not key=value in <!-- ${body} -->`);
    caller.with[k] = v;
  }
  const save: Save[] = [];
  for (const part of rest) {
    const s = /^save:\s*(.*)$/.exec(part);
    if (!s) throw new Error(`unknown part "${part}" in <!-- ${body} -->`);
    for (const item of (s[1] as string).split(',')) {
      const [name, p] = item.split('=').map((x) => x.trim());
      if (!name || !p) throw new Error(`"${item}" is not name = path in <!-- ${body} -->`);
      save.push({ name, path: p });
    }
  }
  return { caller, save };
}

/** Every runnable example of one markdown file, in order. */
export function extractExamples(file: string, text: string): Example[] {
  const lines = text.split('\n');
  const blocks = blocksOf(lines);
  const out: Example[] = [];
  blocks.forEach((b, i) => {
    const isCurl = b.lang === 'sh' && /^\s*curl\s/m.test(b.code) && b.code.includes(HUB_ORIGIN);
    if (b.lang !== 'graphql' && !isCurl) return;
    const floor = i > 0 ? (blocks[i - 1] as Block).end : 0;
    let caller: Caller = { role: 'public', with: {} };
    let save: Save[] = [];
    for (let k = b.start - 1; k >= floor; k--) {
      const l = (lines[k] as string).trim();
      if (l === '') continue;
      const c = /^<!--\s*(role:.*?)\s*-->$/.exec(l);
      if (c) ({ caller, save } = parseRoleComment(c[1] as string));
      break;
    }
    const next = blocks[i + 1];
    const between = next ? lines.slice(b.end, next.start).every((l) => l.trim() === '') : false;
    const shows = next && next.lang === 'json' && between ? JSON.parse(next.code) : undefined;
    const leadIn = paragraphAbove(lines, b.start, floor);
    out.push({
      file,
      line: b.line,
      kind: b.lang === 'graphql' ? 'graphql' : 'curl',
      code: b.code,
      caller,
      save,
      ...(shows !== undefined ? { shows } : {}),
      answers: [...leadIn.matchAll(ANSWERS)].map((m) => m[1] as string),
    });
  });
  return out;
}

export function readExamples(root: string): Example[] {
  return docFiles(root).flatMap((f) => extractExamples(f, readFileSync(path.join(root, f), 'utf8')));
}

/** The variables an operation declares, and which of them it must be given. */
export function declaredVariables(query: string): { name: string; required: boolean }[] {
  const op = parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  return (op?.variableDefinitions ?? []).map((v) => ({
    name: v.variable.name.value,
    required: v.type.kind === 'NonNullType' && !v.defaultValue,
  }));
}

/** Shell text as its logical lines: `\` line continuations joined, blank lines dropped. */
export function shellLines(text: string): string[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((l) => l.trim() !== '');
}

/**
 * One shell line as its words, as sh would split the little the examples use: quotes, `$VAR` /
 * `${VAR}` expansion, `#` comments. `$(…)` stays in its word as written, for the caller to run.
 * Anything else a shell does (pipes, `&&`, redirections) is refused.
 */
export function shellWords(line: string, env: Record<string, string>): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  const expand = (at: number): [string, number] => {
    const m = /^\$\{(\w+)\}/.exec(line.slice(at)) ?? /^\$(\w+)/.exec(line.slice(at));
    if (!m) return ['$', at + 1];
    const name = m[1] as string;
    if (!(name in env)) throw new Error(`$${name} is not set in the example`);
    return [env[name] as string, at + m[0].length];
  };
  const endWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  for (let i = 0; i < line.length; ) {
    const c = line[i] as string;
    if (c === ' ' || c === '\t') {
      endWord();
      i++;
    } else if (c === '#' && !inWord) {
      break;
    } else if (c === "'") {
      const close = line.indexOf("'", i + 1);
      if (close < 0) throw new Error('unclosed single quote');
      word += line.slice(i + 1, close);
      inWord = true;
      i = close + 1;
    } else if (c === '"') {
      inWord = true;
      i++;
      while (i < line.length && line[i] !== '"') {
        const d = line[i] as string;
        if (d === '\\' && /["\\$`]/.test(line[i + 1] ?? '')) {
          word += line[i + 1];
          i += 2;
        } else if (d === '$') {
          const [v, next] = expand(i);
          word += v;
          i = next;
        } else {
          word += d;
          i++;
        }
      }
      if (line[i] !== '"') throw new Error('unclosed double quote');
      i++;
    } else if (c === '$' && line[i + 1] === '(') {
      let depth = 0;
      let j = i + 1;
      for (; j < line.length; j++) {
        if (line[j] === '(') depth++;
        if (line[j] === ')' && --depth === 0) break;
      }
      word += line.slice(i, j + 1);
      inWord = true;
      i = j + 1;
    } else if (c === '$') {
      const [v, next] = expand(i);
      word += v;
      inWord = true;
      i = next;
    } else if (c === '\\') {
      word += line[i + 1] ?? '';
      inWord = true;
      i += 2;
    } else if ('|&;<>'.includes(c)) {
      throw new Error(`the doc test runs plain commands only, not "${c}"`);
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  endWord();
  return words;
}

export interface CurlRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** A curl argv (without `curl`) as a request; an option it does not know is an error. */
export function curlRequest(args: string[]): CurlRequest {
  const headers: Record<string, string> = {};
  let url: string | undefined;
  let method: string | undefined;
  let body: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`curl ${a} needs a value`);
      return v;
    };
    if (['-s', '-S', '-sS', '--silent', '--show-error', '--fail', '-f'].includes(a)) continue;
    if (a === '-H' || a === '--header') {
      const h = value();
      const colon = h.indexOf(':');
      headers[h.slice(0, colon).trim().toLowerCase()] = h.slice(colon + 1).trim();
    } else if (a === '-d' || a === '--data' || a === '--data-raw' || a === '--data-binary') body = value();
    else if (a === '-X' || a === '--request') method = value();
    else if (a === '-o' || a === '--output')
      value(); // where curl keeps the file (a PDF, a workbook): the test reads the answer
    else if (a.startsWith('-')) throw new Error(`the doc test does not know curl option ${a}`);
    else if (url === undefined) url = a;
    else throw new Error(`curl with two URLs: ${url} ${a}`);
  }
  if (!url) throw new Error('curl without a URL');
  if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/x-www-form-urlencoded';
  return {
    url,
    method: method ?? (body !== undefined ? 'POST' : 'GET'),
    headers,
    ...(body !== undefined ? { body } : {}),
  };
}

/** `pnpm --silent hub token …` as the claims it would sign. */
export function tokenCommand(words: string[]): Record<string, string> {
  const at = words.indexOf('token');
  const prefix = words.slice(0, at).join(' ');
  if (at < 0 || !/^pnpm( --silent| -s)? hub$/.test(prefix))
    throw new Error(`the doc test makes tokens from "pnpm --silent hub token …" only, not "${words.join(' ')}"`);
  const out: Record<string, string> = {};
  const flags = words.slice(at + 1);
  for (let i = 0; i < flags.length; i++) {
    const f = flags[i] as string;
    if (!f.startsWith('--')) throw new Error(`unexpected "${f}" in ${words.join(' ')}`);
    const v = flags[i + 1];
    if (v === undefined || v.startsWith('--')) out[f.slice(2)] = 'true';
    else {
      out[f.slice(2)] = v;
      i++;
    }
  }
  return out;
}

/** The value at `a.b[0].c` in `data`. */
export function valueAt(data: unknown, p: string): unknown {
  let v: unknown = data;
  for (const key of p
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)) {
    if (v == null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** Every leaf value of a JSON answer, as text. */
export function leaves(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) for (const x of v) leaves(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) leaves(x, out);
  else out.push(String(v));
  return out;
}

/** Paths of non-empty `errors` lists inside `data` (a payload's refusals). */
export function payloadErrors(v: unknown, at = 'data'): string[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => payloadErrors(x, `${at}[${i}]`));
  if (!v || typeof v !== 'object') return [];
  return Object.entries(v).flatMap(([k, x]) =>
    k === 'errors' && Array.isArray(x) && x.length ? [`${at}.errors`] : payloadErrors(x, `${at}.${k}`),
  );
}

/** True when the shown result itself has GraphQL or payload errors (an example of a refusal). */
export function showsErrors(shows: unknown): boolean {
  if (!shows || typeof shows !== 'object') return false;
  const s = shows as { errors?: unknown; data?: unknown };
  return (Array.isArray(s.errors) && s.errors.length > 0) || payloadErrors(s.data).length > 0;
}

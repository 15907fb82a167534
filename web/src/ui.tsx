import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, messageFor } from './api.ts';

/** A refusal or failure in words, announced to screen readers. */
export function Alert({ text }: { text: string }) {
  return text ? (
    <p class="error" role="alert">
      {text}
    </p>
  ) : null;
}

export const wordsOf = (err: unknown) => (err instanceof ApiError ? err.message : messageFor(''));

/** Loads once per `deps` change; `reload` asks again (after an action). */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState('');
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setError('');
    load()
      .then((d) => live && setData(d))
      .catch((err: unknown) => live && setError(wordsOf(err)));
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, reload };
}

/** The API's refusals of a command (payload errors) in one line, or '' when it went through. */
export const refusals = (errors: readonly { message: string }[] | null | undefined) =>
  (errors ?? []).map((e) => e.message).join('；');

/** A section of a signed-in page with its heading and count. */
export function Panel({ title, count, children }: { title: string; count?: number; children: ComponentChildren }) {
  return (
    <section class="panel" aria-label={title}>
      <h2>
        {title}
        {count === undefined ? null : <span class="count">（{count}）</span>}
      </h2>
      {children}
    </section>
  );
}

/** China's date today (the hub counts deadlines in it). */
export const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** The nodes of a connection (null when the API gave none). */
export const nodes = <N,>(conn: { edges: readonly { node: N }[] } | null | undefined): N[] =>
  (conn?.edges ?? []).map((e) => e.node);

/** A DateTime as China's wall clock (YYYY-MM-DD HH:mm); the API answers in UTC. */
export const chinaTime = (at: string | null | undefined) =>
  at ? new Date(Date.parse(at) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '—';

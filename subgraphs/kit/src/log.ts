/**
 * Server-side error log. Driver errors can carry SQL parameters (names,
 * resident IDs), so only the error's class, code and first message line are
 * written, never its parameters.
 */
export function logError(service: string, err: unknown) {
  const e = err as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
  const firstLine = (s: string | undefined) =>
    (s ?? '')
      .split('\n')[0]
      ?.replace(/params:.*$/i, '')
      .slice(0, 300);
  const cause = e?.cause ? ` cause=${e.cause.code ?? ''} ${firstLine(e.cause.message)}` : '';
  console.error(`[${service}] ${e?.name ?? 'Error'}${e?.code ? ` ${e.code}` : ''}: ${firstLine(e?.message)}${cause}`);
}

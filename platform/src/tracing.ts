import {
  type Attributes,
  type Context,
  context,
  propagation,
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import { type HubConfig, hubConfig } from './config.ts';

/**
 * OpenTelemetry tracing, off unless configured: with OTEL_EXPORTER_OTLP_ENDPOINT
 * (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, the standard variables) or HUB_OTEL=1
 * the Node SDK starts with an OTLP/HTTP (JSON) exporter and W3C trace context.
 * Off, no SDK is loaded and every helper below calls straight through.
 */
export const tracingWanted = (config: HubConfig = hubConfig()) =>
  config.otel || Boolean(config.otlpEndpoint || config.otlpTracesEndpoint);

/** True once startTracing found tracing configured; until then every helper is a plain call. */
let on = false;
// Taken after the provider is registered: a tracer taken before stays a no-op.
let tracer: Tracer = trace.getTracer('skill-hub');

interface Provider {
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}
let started: Promise<Provider | undefined> | undefined;

/** Starts the SDK once per process when tracing is wanted; later calls share the first. */
export function startTracing(serviceName = hubConfig().otelServiceName ?? 'skill-hub') {
  if (!started && !tracingWanted()) return Promise.resolve(undefined);
  on = true;
  started ??= (async () => {
    const { NodeTracerProvider, BatchSpanProcessor } = await import('@opentelemetry/sdk-trace-node');
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
    const { resourceFromAttributes } = await import('@opentelemetry/resources');
    // The exporter reads the endpoint, headers and timeout from the standard OTEL_EXPORTER_OTLP_* variables.
    const exporter = new OTLPTraceExporter();
    const provider = new NodeTracerProvider({
      resource: resourceFromAttributes({ 'service.name': serviceName }),
      spanProcessors: [new BatchSpanProcessor(exporter as never)],
    });
    // Registers the AsyncLocalStorage context manager and the W3C trace-context propagator.
    provider.register();
    tracer = trace.getTracer('skill-hub');
    return provider;
  })();
  return started;
}

/** Sends every finished span now (tests, shutdown). */
export async function flushTracing() {
  await (await started)?.forceFlush();
}

function finish(span: Span, err?: unknown) {
  if (err) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error)?.name ?? 'Error' });
  }
  span.end();
}

/** Runs `fn` in a new active span, ended when its promise settles; without tracing, just runs `fn`. */
export function withSpan<T>(
  name: string,
  options: { kind?: SpanKind; attributes?: Attributes; parent?: Context },
  fn: (span: Span | undefined) => Promise<T>,
): Promise<T> {
  if (!on) return fn(undefined);
  return tracer.startActiveSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes ?? {} },
    options.parent ?? context.active(),
    (span) =>
      fn(span).then(
        (value) => {
          finish(span);
          return value;
        },
        (err: unknown) => {
          finish(span, err);
          throw err;
        },
      ),
  );
}

/** The trace context a request arrived with (W3C `traceparent`), to parent the server's span. */
export function contextFromHeaders(headers: Record<string, string | string[] | undefined>): Context | undefined {
  return on ? propagation.extract(context.active(), headers) : undefined;
}

/** Adds the current trace context to outgoing headers. */
export function injectTraceHeaders(set: (key: string, value: string) => void) {
  if (!on) return;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  for (const [k, v] of Object.entries(carrier)) set(k, v);
}

export { SpanKind };

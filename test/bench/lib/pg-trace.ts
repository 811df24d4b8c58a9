/**
 * A statement tracer for profiling: wraps pg's Client.prototype.query (which
 * TypeORM and the raw pools both go through) and, while a trace is open,
 * records each statement's text and its time from send to result as seen by
 * Node. Benchmark-only; the runtime is not modified.
 */
import { Client } from 'pg';

export interface TracedStatement {
  sql: string;
  ms: number;
}

type QueryFn = (...args: unknown[]) => unknown;

let active: TracedStatement[] | null = null;
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  const original = Client.prototype.query as unknown as QueryFn;
  (Client.prototype as unknown as { query: QueryFn }).query = function tracedQuery(this: Client, ...args: unknown[]) {
    const sink = active;
    const first = args[0] as string | { text?: string; submit?: unknown } | undefined;
    if (!sink || first === undefined || (typeof first === 'object' && typeof first.submit === 'function' && !('text' in first))) {
      return original.apply(this, args);
    }
    const sql = typeof first === 'string' ? first : String(first?.text ?? '[stream]');
    const start = process.hrtime.bigint();
    const done = () => sink.push({ sql: sql.replace(/\s+/g, ' ').trim(), ms: Number(process.hrtime.bigint() - start) / 1e6 });
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (...cbArgs: unknown[]) => {
        done();
        return (last as (...a: unknown[]) => unknown)(...cbArgs);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      (result as Promise<unknown>).then(done, done);
    } else {
      done();
    }
    return result;
  };
}

/** Runs `fn` with the tracer on; returns its result and the statements it sent. Not for concurrent use. */
export async function traceStatements<T>(fn: () => Promise<T>): Promise<{ result: T; statements: TracedStatement[]; dbMs: number }> {
  install();
  const statements: TracedStatement[] = [];
  active = statements;
  try {
    const result = await fn();
    return { result, statements, dbMs: statements.reduce((a, s) => a + s.ms, 0) };
  } finally {
    active = null;
  }
}

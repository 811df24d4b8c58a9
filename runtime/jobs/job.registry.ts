import { Injectable } from '@nestjs/common';
import type { JobData, JobHandler } from './job.contract';

const TYPE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;

// Handlers differ in payload and checkpoint types; the registry holds them all.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJobHandler = JobHandler<any, any>;

/**
 * The job types this server can run, by type. Built-in types register at
 * start; plugins and tests register through `register`. A queue only runs
 * jobs whose type is registered here; others wait until it is.
 */
@Injectable()
export class JobRegistry {
  private readonly handlers = new Map<string, AnyJobHandler>();
  private readonly listeners = new Set<(type: string) => void>();

  /** Adds a job type; returns a function that removes it again. */
  register<P, C extends JobData>(handler: JobHandler<P, C>): () => void {
    if (!TYPE.test(handler.type) || handler.type.length > 100) throw new Error(`invalid job type "${handler.type}"`);
    if (this.handlers.has(handler.type)) throw new Error(`job type "${handler.type}" is registered already`);
    this.handlers.set(handler.type, handler);
    for (const listener of this.listeners) listener(handler.type);
    return () => {
      if (this.handlers.get(handler.type) === handler) this.handlers.delete(handler.type);
    };
  }

  get(type: string): AnyJobHandler | undefined {
    return this.handlers.get(type);
  }

  has(type: string): boolean {
    return this.handlers.has(type);
  }

  types(): string[] {
    return [...this.handlers.keys()].sort();
  }

  /** Called with each type registered from now on (queues wake up for jobs that waited for it). */
  onRegistered(listener: (type: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

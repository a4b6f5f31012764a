import cluster from 'node:cluster';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Budget } from './policies.js';

/**
 * Counters kept in the memory of the node's first process for the BFF processes it forked.
 *
 * Each check of every process would otherwise be one message over the cluster's IPC channel and
 * one timer: under load that was a tenth of a BFF process's CPU (BENCHMARKS.md). Here the checks
 * a process makes in one turn of its event loop travel as one message with one timer, and the
 * answers come back as one.
 */
const CHANNEL = 'scc-rate-limits';

/** What a counter answers: what `rate-limiter-flexible` counters answer, so either kind serves {@link RateLimits}. */
export interface Counter {
  /** Resolves when allowed; rejects with the `RateLimiterRes` when refused, with an `Error` when the store failed. */
  consume(key: string): Promise<RateLimiterRes>;
  get(key: string): Promise<RateLimiterRes | null>;
}

interface Check {
  prefix: string;
  points: number;
  seconds: number;
  op: 'consume' | 'get';
  key: string;
}

interface Counted {
  remainingPoints: number;
  msBeforeNext: number;
  consumedPoints: number;
  isFirstInDuration: boolean;
}

type Outcome = { allowed: Counted } | { refused: Counted } | { none: true };

interface Batch {
  channel: typeof CHANNEL;
  id: number;
  checks: Check[];
}

interface Answer {
  channel: typeof CHANNEL;
  id: number;
  outcomes: Outcome[];
}

const isBatch = (message: unknown): message is Batch =>
  typeof message === 'object' && message !== null && (message as Batch).channel === CHANNEL && 'checks' in message;
const isAnswer = (message: unknown): message is Answer =>
  typeof message === 'object' && message !== null && (message as Answer).channel === CHANNEL && 'outcomes' in message;

let counting = false;

/**
 * Keeps the counters of the BFF processes this process forks. Safe to call more than once; a
 * counter is created by the first check of its policy and budget.
 */
export function countForProcesses(): void {
  if (counting) return;
  counting = true;
  const counters = new Map<string, RateLimiterMemory>();
  const counterOf = ({ prefix, points, seconds }: Check) => {
    const id = `${prefix} ${points}/${seconds}`;
    let counter = counters.get(id);
    if (!counter) {
      counter = new RateLimiterMemory({ keyPrefix: prefix, points, duration: seconds });
      counters.set(id, counter);
    }
    return counter;
  };
  cluster.on('message', (worker, message: unknown) => {
    if (!isBatch(message)) return;
    void Promise.all(message.checks.map((check) => outcomeOf(counterOf(check), check))).then((outcomes) => {
      if (worker.isConnected()) worker.send({ channel: CHANNEL, id: message.id, outcomes } satisfies Answer);
    });
  });
}

async function outcomeOf(counter: RateLimiterMemory, check: Check): Promise<Outcome> {
  try {
    const res = check.op === 'consume' ? await counter.consume(check.key) : await counter.get(check.key);
    return res ? { allowed: counted(res) } : { none: true };
  } catch (reason) {
    if (reason instanceof RateLimiterRes) return { refused: counted(reason) };
    throw reason;
  }
}

function counted(res: RateLimiterRes): Counted {
  return {
    remainingPoints: res.remainingPoints,
    msBeforeNext: res.msBeforeNext,
    consumedPoints: res.consumedPoints,
    isFirstInDuration: res.isFirstInDuration,
  };
}

interface Waiting {
  check: Check;
  resolve(res: RateLimiterRes | null): void;
  reject(reason: unknown): void;
}

/** This process's way to the primary's counters: one batch per event-loop turn. */
class PrimaryLink {
  readonly #timeoutMs: number;
  #pending: Waiting[] = [];
  readonly #sent = new Map<number, { waiting: Waiting[]; timer: NodeJS.Timeout }>();
  #nextId = 1;

  constructor(timeoutMs: number) {
    this.#timeoutMs = timeoutMs;
    process.on('message', (message: unknown) => {
      if (isAnswer(message)) this.#answered(message);
    });
  }

  ask(check: Check): Promise<RateLimiterRes | null> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ check, resolve, reject });
      if (this.#pending.length === 1) setImmediate(() => this.#send());
    });
  }

  #send() {
    const waiting = this.#pending;
    this.#pending = [];
    const id = this.#nextId++;
    const fail = (reason: Error) => {
      const sent = this.#sent.get(id);
      if (!sent) return;
      clearTimeout(sent.timer);
      this.#sent.delete(id);
      for (const one of waiting) one.reject(reason);
    };
    const timer = setTimeout(() => fail(new Error('the primary process did not answer')), this.#timeoutMs);
    timer.unref();
    this.#sent.set(id, { waiting, timer });
    if (!process.send) return fail(new Error('this process was not forked by a primary'));
    process.send(
      { channel: CHANNEL, id, checks: waiting.map((one) => one.check) } satisfies Batch,
      undefined,
      {},
      (error) => {
        if (error) fail(error);
      },
    );
  }

  #answered(answer: Answer) {
    const sent = this.#sent.get(answer.id);
    if (!sent) return;
    clearTimeout(sent.timer);
    this.#sent.delete(answer.id);
    sent.waiting.forEach((one, i) => {
      const outcome = answer.outcomes[i];
      if (!outcome || 'none' in outcome) one.resolve(null);
      else if ('refused' in outcome) one.reject(resOf(outcome.refused));
      else one.resolve(resOf(outcome.allowed));
    });
  }
}

const resOf = (c: Counted) =>
  new RateLimiterRes(c.remainingPoints, c.msBeforeNext, c.consumedPoints, c.isFirstInDuration);

const links = new Map<number, PrimaryLink>();

/** A counter of one policy kept by the primary process. */
export function primaryCounter(prefix: string, budget: Budget, timeoutMs: number): Counter {
  let link = links.get(timeoutMs);
  if (!link) {
    link = new PrimaryLink(timeoutMs);
    links.set(timeoutMs, link);
  }
  const check = (op: Check['op'], key: string): Check => ({
    prefix,
    points: budget.points,
    seconds: budget.seconds,
    op,
    key,
  });
  return {
    consume: async (key) => {
      const res = await link.ask(check('consume', key));
      if (!res) throw new Error('the primary process answered no count');
      return res;
    },
    get: (key) => link.ask(check('get', key)),
  };
}

/**
 * The benchmark's load generator, in a process of its own: autocannon sharing the measured
 * server's event loop would take half of it and bend every ratio. `bench.ts` forks this file
 * and sends one job at a time; the answer is the run's figures.
 *
 * A job cannot carry functions across processes, so the one dynamic thing a run needs (a
 * different student's token on each request) is sent as data: `authorizations` rotate.
 */
import autocannon from "autocannon";

export interface LoadJob {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  /** Seconds to run; or `amount`, a fixed number of requests. */
  duration?: number;
  amount?: number;
  /** Each request takes the next of these as its `authorization` header. */
  authorizations?: string[];
}

export interface LoadFigures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** Response bytes per request, as received (compressed when the server compressed). */
  bytesPerRequest: number;
}

async function runJob(job: LoadJob): Promise<LoadFigures> {
  let next = 0;
  const rotate = job.authorizations;
  const options: autocannon.Options = {
    url: job.url,
    method: job.method ?? "GET",
    headers: job.headers,
    body: job.body,
    connections: job.connections,
    ...(job.amount ? { amount: job.amount } : { duration: job.duration ?? 10 }),
    ...(rotate && {
      requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, authorization: rotate[next++ % rotate.length]! } }) }],
    }),
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => autocannon(options, (err, r) => (err ? reject(err) : resolve(r))));
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    bytesPerRequest: result.requests.total > 0 ? result.throughput.total / result.requests.total : 0,
  };
}

process.on("message", (job: LoadJob) => {
  runJob(job).then(
    (figures) => process.send!({ ok: true, figures }),
    (error: Error) => process.send!({ ok: false, error: error.message }),
  );
});

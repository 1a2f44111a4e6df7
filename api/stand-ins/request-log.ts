/**
 * What a local stand-in was asked, newest last, so tests and its control API can see the
 * calls the app made (and which of them met an injected fault). Bounded: a long-running
 * `npm start` keeps only the latest requests.
 */
export interface RequestRecord {
  method: string;
  /** Path and query as received. */
  path: string;
  /** The matched route key (see faults.ts); absent for unknown routes. */
  route?: string;
  /** 0 while unanswered (a hanging fault). */
  status: number;
  fault: boolean;
  at: string;
}

const MAX_LOGGED_REQUESTS = 5000;

export class RequestLog {
  private readonly records: RequestRecord[] = [];

  /** Records a request as it arrives; the caller fills in its route, fault and status. */
  start(method: string, path: string, at: string): RequestRecord {
    const record: RequestRecord = { method, path, status: 0, fault: false, at };
    this.records.push(record);
    if (this.records.length > MAX_LOGGED_REQUESTS) this.records.shift();
    return record;
  }

  /** A copy, so readers cannot change the log. */
  list(): RequestRecord[] {
    return structuredClone(this.records);
  }
}

/**
 * Outbound webhooks over real HTTP(S): name resolution, and a POST that connects to the
 * address the domain checked (api/domain/webhooks-out/destination-rules.ts). The request's
 * `lookup` answers with that address, so the connection cannot follow a DNS answer changed
 * since the check (DNS rebinding); TLS still verifies the certificate against the URL's name.
 */
import { lookup } from "node:dns/promises";
import { request as httpRequest, type RequestOptions } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import type { WebhookTransport } from "../domain/webhooks-out/transport.js";

/** What is read of a receiver's answer: its status is all that counts. */
const MAX_RESPONSE_BYTES = 64 * 1024;

export function createHttpWebhookTransport(): WebhookTransport {
  return {
    async resolve(hostname) {
      const answers = await lookup(hostname, { all: true, verbatim: true });
      return answers.map((a) => a.address);
    },
    post({ url, address, headers, body, timeoutMs }) {
      const family = isIP(address);
      const pinned: LookupFunction = (_hostname, options, callback) => {
        if ((options as { all?: boolean }).all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
        else callback(null, address, family);
      };
      const options: RequestOptions = {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)), "user-agent": "live-sessions-webhooks/1" },
        lookup: pinned,
        // No pooled socket: each delivery connects to the address just checked.
        agent: false,
      };
      return new Promise((resolve, reject) => {
        // The whole exchange, not each idle gap: a receiver dripping bytes is cut off too.
        const deadline = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
        const done = (statusCode: number) => {
          clearTimeout(deadline);
          resolve({ statusCode });
        };
        const req = (url.protocol === "https:" ? httpsRequest : httpRequest)(url, options, (res) => {
          let read = 0;
          res.on("data", (chunk: Buffer) => {
            read += chunk.length;
            if (read > MAX_RESPONSE_BYTES) res.destroy();
          });
          res.on("end", () => done(res.statusCode ?? 0));
          res.on("close", () => done(res.statusCode ?? 0));
        });
        req.on("error", (error) => {
          clearTimeout(deadline);
          reject(error);
        });
        req.end(body);
      });
    },
  };
}

/**
 * Where a webhook may be sent. The feature must not become a way to reach our own network:
 * only public unicast addresses are accepted (an allow-list, so a range we forgot is refused),
 * loopback only outside production (local receivers in development and tests), and a name is
 * resolved and every address it gives checked, at registration and again at each delivery.
 */
import ipaddr from "ipaddr.js";
import { DomainError } from "../errors.js";
import type { WebhookTransport } from "./transport.js";

export interface DestinationPolicy {
  production: boolean;
}

/** Why an address is refused, or null when a webhook may go there. */
export function refusedAddress(address: string, policy: DestinationPolicy): string | null {
  if (!ipaddr.isValid(address)) return `"${address}" is not an IP address`;
  let parsed = ipaddr.parse(address);
  // ::ffff:10.0.0.1 is 10.0.0.1.
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  if (range === "unicast") return null;
  if (range === "loopback" && !policy.production) return null;
  const words: Record<string, string> = {
    loopback: "a loopback address (allowed outside production only)",
    private: "a private address",
    linkLocal: "a link-local address",
    uniqueLocal: "a unique-local address",
    carrierGradeNat: "a carrier-grade NAT address",
    multicast: "a multicast address",
    unspecified: "the unspecified address",
    broadcast: "the broadcast address",
  };
  return `${parsed.toString()} is ${words[range] ?? `a reserved address (${range})`}`;
}

const MAX_URL_LENGTH = 2000;

/** The URL's own rules (no network): a person's mistake gets a message naming it. */
export function checkUrlShape(raw: string, policy: DestinationPolicy): URL {
  const bad = (message: string) => new DomainError("BAD_USER_INPUT", message, { fields: [{ path: "url", message }] });
  if (raw.length > MAX_URL_LENGTH) throw bad(`url must be at most ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw bad("url must be an absolute URL, such as https://example.com/webhooks");
  }
  if (policy.production ? url.protocol !== "https:" : url.protocol !== "https:" && url.protocol !== "http:") {
    throw bad(policy.production ? "url must start with https://" : "url must start with https:// (or http:// outside production)");
  }
  if (url.username || url.password) throw bad("url must not carry a user name or password: authenticate deliveries with the signature");
  if (url.hash) throw bad("url must not have a #fragment");
  return url;
}

/** Strip IPv6 brackets: URL keeps them in `hostname`. */
const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, "$1");

/**
 * The address to connect to for this URL: its name resolved, every answer checked (one bad
 * answer refuses the whole name: the connection could otherwise land on it).
 */
export async function checkDestination(url: URL, transport: WebhookTransport, policy: DestinationPolicy): Promise<{ ok: true; address: string } | { ok: false; reason: string }> {
  const host = hostOf(url);
  let addresses: string[];
  try {
    addresses = ipaddr.isValid(host) ? [host] : await transport.resolve(host);
  } catch (e) {
    return { ok: false, reason: `${host} could not be resolved: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (addresses.length === 0) return { ok: false, reason: `${host} has no address` };
  for (const address of addresses) {
    const why = refusedAddress(address, policy);
    if (why) return { ok: false, reason: host === address ? `${why}: webhooks go to public addresses only` : `${host} resolves to ${why}: webhooks go to public addresses only` };
  }
  return { ok: true, address: addresses[0]! };
}

/**
 * The local stand-ins' helpers (`/_local/*`: a token for any demo account, admin included)
 * are for the person at this machine. They answer only connections from a loopback address,
 * read from the socket itself: X-Forwarded-For and the like are whatever the client wrote.
 */
import { isIP } from "node:net";
import type { NextFunction, Request, Response } from "express";

export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  // An IPv4 client of a dual-stack socket appears as ::ffff:a.b.c.d.
  const v4 = address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
  if (isIP(v4) === 4) return v4.split(".")[0] === "127";
  return address === "::1";
}

export function loopbackOnly(req: Request, res: Response, next: NextFunction): void {
  if (isLoopbackAddress(req.socket.remoteAddress)) return next();
  res
    .status(403)
    .setHeader("Cache-Control", "no-store")
    .json({ error: "The local stand-ins' helpers (/_local) answer only on this machine: open the app through 127.0.0.1 or localhost." });
}

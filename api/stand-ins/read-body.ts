import type { IncomingMessage } from "node:http";

/** Both stand-ins take bodies of up to 1 MB, as the real APIs' requests never come near it. */
export const MAX_BODY_BYTES = 1_000_000;

/**
 * The request's body as text, refused with the stand-in's own error (`tooLarge`, each answers
 * as the service it stands in for does) once it passes `MAX_BODY_BYTES`.
 */
export function readBody(req: IncomingMessage, tooLarge: () => Error): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(tooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

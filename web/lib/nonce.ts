/**
 * The Content-Security-Policy nonce of the page being rendered. The server sets it (see
 * web/entry.server.tsx); in the browser it is empty, and browsers hide the attribute anyway.
 */
import { createContext, useContext } from "react";

export const NonceContext = createContext<string | undefined>(undefined);

export const useNonce = (): string | undefined => useContext(NonceContext);

import { BlockList, isIP } from "node:net";
import { env } from "@/lib/env";

export { isAddressOrRange } from "./address-syntax";

/*
 * The one answer to "who is this client?", for the sign-in throttle and the view counter.
 * The socket address is the only thing a client cannot choose. X-Forwarded-For is believed
 * only as far as it was written by proxies this deployment trusts (MASTHEAD_TRUSTED_PROXIES):
 * reading it from the right, each hop added by a trusted proxy is skipped, and the first
 * address that is not a trusted proxy is the client. A client's own X-Forwarded-For entries
 * are left of that and never used.
 */

/** "::ffff:127.0.0.1" (IPv4 on a dual-stack socket) is 127.0.0.1; brackets and zones go. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  if (typeof raw !== "string") return null;
  let value = raw.trim().replace(/^\[(.*)\]$/, "$1");
  value = value.replace(/%[\w.-]+$/, "");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(value);
  if (mapped) value = mapped[1]!;
  return isIP(value) ? value.toLowerCase() : null;
}

/** A list of trusted proxy addresses and ranges. */
export function trustList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.split("/") as [string, string | undefined];
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

let configured: BlockList | null = null;
function configuredTrustList(): BlockList {
  return (configured ??= trustList(env().MASTHEAD_TRUSTED_PROXIES));
}

const isTrusted = (list: BlockList, address: string) => list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");

/**
 * The client's address: the socket's, unless the socket is a trusted proxy, in which case the
 * rightmost X-Forwarded-For hop that is not itself a trusted proxy. "unknown" without a socket.
 */
export function clientAddress(input: { socket: string | null | undefined; forwardedFor: string | string[] | null | undefined }, trusted: BlockList = configuredTrustList()): string {
  const socket = normalizeAddress(input.socket);
  if (!socket) return "unknown";
  if (!isTrusted(trusted, socket)) return socket;
  const header = Array.isArray(input.forwardedFor) ? input.forwardedFor.join(",") : (input.forwardedFor ?? "");
  const hops = header.split(",").map((hop) => hop.trim()).filter(Boolean);
  let client = socket;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i]);
    // A malformed hop was not written by a proxy we trust: stop at the last good address.
    if (!hop) break;
    client = hop;
    if (!isTrusted(trusted, hop)) break;
  }
  return client;
}

// scripts/server.mjs puts the socket address on every request it hands to Next, with a token
// only this process knows, so a client that sends the same header names is not believed.
const SOCKET_HEADER = "x-masthead-socket-address";
const TOKEN_HEADER = "x-masthead-socket-token";
const holder = globalThis as unknown as { __mastheadSocketToken?: string };

type HeaderSource = Headers | Record<string, unknown> | undefined | null;
const read = (headers: HeaderSource, name: string): string | null => {
  if (!headers) return null;
  if (headers instanceof Headers) return headers.get(name);
  const value = Object.hasOwn(headers, name) ? headers[name] : undefined;
  return typeof value === "string" ? value : Array.isArray(value) ? value.join(",") : null;
};

/** The client address of a request that came through scripts/server.mjs ("unknown" otherwise). */
export function requestClientAddress(headers: HeaderSource): string {
  const token = holder.__mastheadSocketToken;
  const socket = token && read(headers, TOKEN_HEADER) === token ? read(headers, SOCKET_HEADER) : null;
  return clientAddress({ socket, forwardedFor: read(headers, "x-forwarded-for") });
}

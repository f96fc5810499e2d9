import type { IncomingMessage, ServerResponse } from "node:http";

export const COMPRESSIBLE: RegExp;
export function inlineScriptHashes(html: string): string[];
export function contentSecurityPolicy(hashes?: string[]): string;
export function secureResponse(
  req: IncomingMessage,
  res: ServerResponse,
  options?: { capture?: (response: { status: number; headers: Record<string, unknown>; body: Buffer }) => Promise<(() => void) | null> },
): void;

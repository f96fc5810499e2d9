import "server-only";
import { getServerSession } from "next-auth";
import { z } from "zod";
import { authOptions } from "./options";

const claimsSchema = z.object({ uid: z.number().int().positive(), sv: z.number().int().positive() });
export type SessionClaims = z.infer<typeof claimsSchema>;

/** The signed session token's claims, if any. Authorization is decided elsewhere (session.ts). */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  const session = await getServerSession(authOptions);
  const parsed = claimsSchema.safeParse(session);
  return parsed.success ? parsed.data : null;
}

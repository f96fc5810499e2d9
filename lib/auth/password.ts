import "server-only";
import { hash, verify } from "@node-rs/argon2";

/** argon2id with the library's defaults (m=19 MiB, t=2, p=1). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// A real hash of a random string: verifying against it costs what a real check costs, so an
// unknown e-mail address takes as long to refuse as a wrong password.
let dummyHash: Promise<string> | null = null;

/** Checks a password; pass null for an unknown account to spend the same time and fail. */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hash(crypto.randomUUID());
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}

import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { can, type Capability, type CurrentUser } from "@/lib/permissions";
import { safeCallbackUrl } from "./callback-url";
import { getCurrentUser } from "./session";

/**
 * For newsroom pages: the signed-in person holding `capability`, or a redirect to sign-in
 * (back here afterwards), or 403. Every newsroom page calls this itself: layouts are not
 * re-rendered on client navigation, so a layout check alone would not hold.
 */
export async function requirePageUser(capability: Capability = "newsroom.enter"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    const here = (await headers()).get("x-masthead-path");
    redirect(`/login?callbackUrl=${encodeURIComponent(safeCallbackUrl(here))}`);
  }
  if (!can(user, capability)) forbidden();
  return user;
}

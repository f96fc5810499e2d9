import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { can, type Capability, type CurrentUser } from "@/lib/permissions";
import { safeCallbackUrl } from "./callback-url";
import { getCurrentUser, hasEndedSession } from "./session";

/**
 * For newsroom pages: the signed-in person holding `capability`, or a redirect to sign-in
 * (back here afterwards), or 403. Every newsroom page calls this itself: layouts are not
 * re-rendered on client navigation, so a layout check alone would not hold.
 */
export async function requirePageUser(capability: Capability = "newsroom.enter"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    const back = encodeURIComponent(safeCallbackUrl((await headers()).get("x-masthead-path")));
    // A dead session's cookie cannot be deleted during a render: a route handler does it.
    redirect((await hasEndedSession()) ? `/api/session/end?callbackUrl=${back}` : `/login?callbackUrl=${back}`);
  }
  if (!can(user, capability)) forbidden();
  return user;
}

import { test as setup } from "@playwright/test";
import { signIn, storageState, type DemoRole } from "./support/auth";

// One saved sign-in per demo role, so other tests start signed in without repeating the form.
for (const role of ["drafter", "drafter2", "reviser", "admin"] as DemoRole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, `${role}@example.edu`);
    await page.context().storageState({ path: storageState(role) });
  });
}

import type { Metadata } from "next";
import { ChangePasswordForm, RenameForm } from "@/components/newsroom/profile-forms";
import { requirePageUser } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const user = await requirePageUser("profile.edit");
  return (
    <>
      <h1 className="text-2xl font-bold text-slate-900">Your profile</h1>
      <p className="mt-1 text-slate-700">{user.email}</p>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="name-heading" className="rounded-lg border border-slate-300 bg-white p-5 shadow-sm">
          <h2 id="name-heading" className="mb-4 text-lg font-semibold">Name</h2>
          <RenameForm name={user.name} />
        </section>
        <section aria-labelledby="password-heading" className="rounded-lg border border-slate-300 bg-white p-5 shadow-sm">
          <h2 id="password-heading" className="mb-4 text-lg font-semibold">Password</h2>
          <ChangePasswordForm />
        </section>
      </div>
    </>
  );
}

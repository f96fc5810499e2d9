import type { Metadata } from "next";
import { StaffRowControls } from "@/components/newsroom/staff-forms";
import { AddStaffForm } from "@/components/newsroom/staff-forms";
import { listStaffFor } from "@/lib/newsroom/reads";
import { requirePageUser } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Staff" };

// On a phone each person is a stacked block with labelled cells; a table from md up.
const cell = "block px-5 py-1 md:table-cell md:py-3 before:mr-2 before:font-semibold before:text-slate-600 before:content-[attr(data-label)] md:before:content-none";

const ROLE_LABEL = { drafter: "Drafter", reviser: "Reviser", admin: "Admin" } as const;

export default async function StaffPage() {
  const user = await requirePageUser("staff.manage");
  const staff = await listStaffFor(user);
  return (
    <>
      <h1 className="text-2xl font-bold text-slate-900">Staff</h1>
      <section aria-labelledby="add-person" className="mt-6 rounded-lg border border-slate-300 bg-white p-5 shadow-sm">
        <h2 id="add-person" className="mb-4 text-lg font-semibold text-slate-900">
          Add a person
        </h2>
        <AddStaffForm />
      </section>
      <section aria-labelledby="people" className="mt-8 rounded-lg border border-slate-300 bg-white shadow-sm">
        <h2 id="people" className="px-5 pt-5 text-lg font-semibold text-slate-900">
          People
        </h2>
        <table className="mt-3 block w-full text-left text-sm md:table">
          <thead className="hidden border-b border-slate-300 bg-slate-50 text-slate-700 md:table-header-group">
            <tr>
              <th scope="col" className="px-5 py-2 font-semibold">Name</th>
              <th scope="col" className="px-5 py-2 font-semibold">Role</th>
              <th scope="col" className="px-5 py-2 font-semibold">Status</th>
              <th scope="col" className="px-5 py-2 font-semibold">Manage</th>
            </tr>
          </thead>
          <tbody className="block divide-y divide-slate-200 md:table-row-group">
            {staff.map((person) => (
              <tr key={person.id} className="block py-2 align-top md:table-row md:py-0">
                <td className="block px-5 py-1 break-words md:table-cell md:py-3">
                  <span className="font-medium text-slate-900">{person.name}</span>
                  <br />
                  <span className="text-slate-600">{person.email}</span>
                </td>
                <td data-label="Role:" className={cell}>{ROLE_LABEL[person.role]}</td>
                <td data-label="Status:" className={cell}>
                  {person.active ? "Active" : "Deactivated"}
                  {!person.hasPassword && <span className="block text-xs text-slate-600">No password set</span>}
                </td>
                <td className="block px-5 py-2 md:table-cell md:py-3">
                  <StaffRowControls person={person} isSelf={person.id === user.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

import { InviteUserForm, UserRowForms } from "@/components/editor/user-admin-forms";
import { requireRoleForPage } from "@/lib/auth/guard";
import { listUsers } from "@/lib/auth/users";
import { changeUserRoleAction, inviteUserAction, resetUserPasswordAction, setUserDisabledAction, signOutEverywhereAction } from "./actions";
import { SignOutEverywhereForm } from "./sign-out-everywhere-form";

export const metadata = { title: "Users" };
export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const me = await requireRoleForPage("ADMIN");
  const users = await listUsers();
  return (
    <>
      <h1>Users</h1>
      <p className="muted">
        Disabling a user, resetting their password or signing them out everywhere ends their sessions on their next request. Every change is in the audit log.
      </p>
      <h2>Invite</h2>
      <InviteUserForm action={inviteUserAction} />
      <h2>Accounts</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Role</th>
            <th scope="col">State</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>
                {u.name ? `${u.name} · ` : ""}
                {u.email}
                {u.id === me.id ? " (you)" : ""}
              </td>
              <td>{u.role.toLowerCase()}</td>
              <td>{u.disabledAt ? `disabled ${u.disabledAt.toISOString().slice(0, 10)}` : "active"}</td>
              <td>
                <UserRowForms
                  user={{ id: u.id, email: u.email, role: u.role, disabled: Boolean(u.disabledAt) }}
                  actions={{ role: changeUserRoleAction, disable: setUserDisabledAction, reset: resetUserPasswordAction }}
                />
                <SignOutEverywhereForm user={{ id: u.id, email: u.email }} action={signOutEverywhereAction} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

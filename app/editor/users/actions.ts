"use server";

import { revalidatePath } from "next/cache";
import { z, ZodError } from "zod";
import { requireRole } from "@/lib/auth/guard";
import { requestIp } from "@/lib/auth/request-ip";
import { changeUserRole, inviteUser, resetUserPassword, setUserDisabled, signOutEverywhere, UserAdminError } from "@/lib/auth/users";
import type { UserAdminState } from "@/components/editor/form-state";

const userIdSchema = z.coerce.number().int().positive("Unknown user");

type Outcome = { message: string; temporaryPassword?: string; email?: string };

async function run(work: (actor: { userId: number; ip: string | null }) => Promise<Outcome>): Promise<UserAdminState> {
  const user = await requireRole("ADMIN");
  const seq = Date.now();
  try {
    const result = await work({ userId: user.id, ip: await requestIp() });
    revalidatePath("/editor/users");
    return { status: "done", seq, ...result };
  } catch (error) {
    if (error instanceof ZodError) return { status: "error", seq, message: error.issues.map((i) => i.message).join("; ") };
    if (error instanceof UserAdminError) return { status: "error", seq, message: error.message };
    throw error;
  }
}

export async function inviteUserAction(_previous: UserAdminState, form: FormData): Promise<UserAdminState> {
  return run(async (actor) => {
    const { user, temporaryPassword } = await inviteUser({ email: form.get("email"), name: form.get("name"), role: form.get("role") }, actor);
    return { message: `Invited ${user.email}. Give them this temporary password; it is shown only once.`, temporaryPassword, email: user.email };
  });
}

export async function setUserDisabledAction(_previous: UserAdminState, form: FormData): Promise<UserAdminState> {
  return run(async (actor) => {
    const disabled = form.get("disabled") === "true";
    await setUserDisabled(userIdSchema.parse(form.get("userId")), disabled, actor);
    return { message: disabled ? "User disabled; their sessions have ended." : "User re-enabled." };
  });
}

export async function changeUserRoleAction(_previous: UserAdminState, form: FormData): Promise<UserAdminState> {
  return run(async (actor) => {
    await changeUserRole(userIdSchema.parse(form.get("userId")), form.get("role"), actor);
    return { message: "Role changed." };
  });
}

export async function resetUserPasswordAction(_previous: UserAdminState, form: FormData): Promise<UserAdminState> {
  return run(async (actor) => {
    const password = await resetUserPassword(userIdSchema.parse(form.get("userId")), actor);
    return { message: "Password reset; their sessions have ended. Give them this temporary password; it is shown only once.", temporaryPassword: password };
  });
}

export async function signOutEverywhereAction(_previous: UserAdminState, form: FormData): Promise<UserAdminState> {
  return run(async (actor) => {
    await signOutEverywhere(userIdSchema.parse(form.get("userId")), actor);
    return { message: "Signed out everywhere; every session of this user has ended." };
  });
}

"use server";

import { ZodError } from "zod";
import { requestIp } from "@/lib/auth/request-ip";
import { createFirstAdmin, SetupError } from "@/lib/auth/setup";
import { UserAdminError } from "@/lib/auth/users";
import type { SetupFormState } from "./setup-form";

/** Public by design: the one-time setup token in the form is the credential (lib/auth/setup.ts). */
export async function createFirstAdminAction(_previous: SetupFormState, form: FormData): Promise<SetupFormState> {
  try {
    const admin = await createFirstAdmin(Object.fromEntries(["token", "email", "name", "password", "confirm"].map((k) => [k, form.get(k) ?? ""])), await requestIp());
    return { status: "done", email: admin.email };
  } catch (error) {
    if (error instanceof ZodError) return { status: "error", message: error.issues.map((i) => i.message).join("; ") };
    if (error instanceof SetupError || error instanceof UserAdminError) return { status: "error", message: error.message };
    throw error;
  }
}

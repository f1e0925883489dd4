import { describe, expect, it } from "vitest";
import { loginErrorMessage } from "./login-form";

describe("loginErrorMessage", () => {
  it("passes the throttling message through only in its exact shape", () => {
    expect(loginErrorMessage("Too many failed attempts; try again in 14 minutes.")).toBe("Too many failed attempts; try again in 14 minutes.");
    expect(loginErrorMessage("Too many failed attempts; try again in 1 minute.")).toBe("Too many failed attempts; try again in 1 minute.");
    expect(loginErrorMessage("Too many failed attempts; call 555-0100 now.")).toBe("Signing in failed; please try again.");
  });

  it("reads the same for every wrong email or password, and nothing without an error", () => {
    expect(loginErrorMessage("CredentialsSignin")).toBe("That email and password do not match an active account.");
    expect(loginErrorMessage(undefined)).toBeNull();
  });
});

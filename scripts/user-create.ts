// npm run user:create -- --email someone@example.org --role admin [--name "Some One"]
// The password comes from PRESSROOM_PASSWORD or a hidden prompt, never from the command line
// (which would leave it in shell history and the process list).
import { parseArgs } from "node:util";
import { z } from "zod";

const argsSchema = z.object({
  email: z.string({ error: "--email is required" }),
  role: z.enum(["admin", "editor", "ADMIN", "EDITOR"], { error: "--role must be admin or editor" }),
  name: z.string().optional(),
});

async function promptHidden(question: string): Promise<string> {
  const { stdin, stdout } = process;
  if (!stdin.isTTY) throw new Error("No terminal to prompt on: set PRESSROOM_PASSWORD instead");
  // Echo off before the prompt appears: a password typed the moment the prompt shows must not be echoed.
  stdin.setRawMode(true);
  stdout.write(question);
  stdin.resume();
  stdin.setEncoding("utf8");
  return new Promise((resolve, reject) => {
    let value = "";
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          stdout.write("\n");
          resolve(value);
          return;
        }
        if (char === "\u0003") {
          stdin.setRawMode(false);
          reject(new Error("Cancelled"));
          return;
        }
        if (char === "\u007f" || char === "\b") value = value.slice(0, -1);
        else value += char;
      }
    };
    stdin.on("data", onData);
  });
}

async function main() {
  const { values } = parseArgs({ options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } } });
  const args = argsSchema.parse(values);
  // Before the password prompt: finding out afterwards that there is no database wastes it.
  const { servicesOrExit } = await import("@/lib/dev-services/cli-services");
  // lib/env.ts validates both services for any lib/ code, so both are looked up (and checked).
  await servicesOrExit(["database", "search"], "user:create");
  let password = process.env.PRESSROOM_PASSWORD;
  if (!password) {
    password = await promptHidden("Password (12+ characters): ");
    const again = await promptHidden("Repeat the password: ");
    if (again !== password) throw new Error("The two passwords differ");
  }
  const { createUser } = await import("@/lib/auth/users");
  const user = await createUser({ email: args.email, password, role: args.role.toUpperCase() as "ADMIN" | "EDITOR", name: args.name });
  console.log(`Created ${user.role.toLowerCase()} ${user.email} (id ${user.id}).`);
  const { db } = await import("@/lib/db/client");
  await db().$disconnect();
}

main().catch((error: unknown) => {
  if (error instanceof z.ZodError) console.error(`user:create: ${error.issues.map((i) => i.message).join("; ")}`);
  else console.error(`user:create: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

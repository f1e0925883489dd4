import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

// A real HTTP server standing in for a newsroom's webhook receiver: it records every request
// and answers as the test's handler says.

export interface ReceivedRequest {
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
}

export type Answer = { status: number; body?: string } | "hang";

export interface HttpReceiver {
  url: string;
  requests: ReceivedRequest[];
  answer: (request: ReceivedRequest) => Answer;
  stop(): Promise<void>;
}

export async function startHttpReceiver(answer: (request: ReceivedRequest) => Answer): Promise<HttpReceiver> {
  const receiver = { requests: [] as ReceivedRequest[], answer } as HttpReceiver;
  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const request = { path: req.url ?? "/", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      receiver.requests.push(request);
      const reply = receiver.answer(request);
      if (reply === "hang") {
        hanging.add(res);
        return;
      }
      res.writeHead(reply.status, { "Content-Type": "text/plain" }).end(reply.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  receiver.stop = () =>
    new Promise<void>((resolve) => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}

/** Echoes a verification challenge, accepts everything else: a well-behaved receiver. */
export function echoChallenge(request: ReceivedRequest): Answer {
  const body = JSON.parse(request.body) as { type?: string; challenge?: string };
  return body.type === "verification" ? { status: 200, body: body.challenge } : { status: 200, body: "ok" };
}

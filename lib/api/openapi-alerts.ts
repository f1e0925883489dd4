// OpenAPI description of POST /api/v1/alerts (lib/alerts/api.ts), merged in openapi.ts.

const error = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });

export const alertPaths = {
  "/api/v1/alerts": {
    post: {
      operationId: "followSearch",
      summary: "Follow a search by email or webhook",
      description: [
        "Follows the search given as the query string of a /search URL (`q=tariffs&speaker=…`): new and corrected answers that match it are sent as they are published (`immediate`) or once a day (`daily`).",
        "Email: a confirmation link is sent (valid 48 hours); nothing else is sent until it is followed. The answer is the same whether or not the address already follows the search.",
        'Webhook: Pressroom POSTs `{"type": "verification", "challenge": "…"}` to the URL; the subscription is active once the receiver answers 200 with the challenge in its body. Alerts are POSTed as `{"type": "alert", "search", "pairs": [{id, url, question, answers, conference, change, version, …}]}` with `X-Pressroom-Signature: sha256=<hex HMAC-SHA256 of the body with the secret>` and a stable `X-Pressroom-Delivery` id; non-2xx answers are retried with backoff, and the webhook is disabled after 6 failures in a row.',
        "Webhook URLs must be http(s) and may not point at loopback or private addresses (unless the server sets PRESSROOM_WEBHOOK_ALLOW_PRIVATE=1).",
      ].join("\n\n"),
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: {
              type: "object",
              required: ["search"],
              additionalProperties: false,
              properties: {
                search: { type: "string", maxLength: 4000, description: "Query string of a /search URL; paging and sort are ignored." },
                email: { type: "string", format: "email", description: "Give either email or webhook." },
                webhook: { type: "string", format: "uri", description: "http(s) URL that receives signed JSON POSTs." },
                secret: { type: "string", minLength: 16, maxLength: 200, description: "HMAC key for the webhook; generated and returned once when omitted." },
                frequency: { type: "string", enum: ["immediate", "daily"], default: "immediate" },
              },
            },
          },
        },
      },
      responses: {
        "202": {
          description: "Accepted; the subscription's state.",
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["state"],
                properties: {
                  state: { type: "string", enum: ["pending_confirmation", "active", "pending_verification"] },
                  message: { type: "string" },
                  secret: { type: "string", description: "Only when Pressroom generated the webhook secret in this request." },
                  manageUrl: { type: "string", description: "Webhooks: page to change the frequency or unsubscribe." },
                },
              },
            },
          },
        },
        "400": error("The body is invalid: a malformed email, a search Pressroom cannot read, a refused webhook URL; `message` says which."),
        "413": error("The body is larger than 16 KB."),
        "429": error("Too many requests from this address, or for this email address or webhook."),
        "503": error("Email alerts are not configured on this server, or the mail server is unreachable."),
      },
    },
  },
};

/**
 * Points lib/ code run from a spec's own process (publishConference) at the harness's services
 * (e2e/global-setup.ts), then loads the publishing module.
 */
export async function harnessArchiveLib() {
  Object.assign(process.env, {
    DATABASE_URL: process.env.PRESSROOM_E2E_DATABASE_URL,
    MEILI_HOST: process.env.PRESSROOM_E2E_MEILI_HOST,
    MEILI_MASTER_KEY: process.env.PRESSROOM_E2E_MEILI_KEY,
  });
  return import("../lib/archive/publish");
}

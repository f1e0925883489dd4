/** The one-line outcome above an editor form: a status for success, an alert for a refusal. */
export function FormMessage({ ok, error }: { ok?: string | null; error?: string | null }) {
  return (
    <>
      {ok ? (
        <p role="status" className="form-ok">
          {ok}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
    </>
  );
}

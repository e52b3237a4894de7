/**
 * The first thing someone sees who opens a share link: what this tool is, the three steps the
 * person who sent the link (usually support) needs from them, and a way to start.
 */
export function ShareWelcome({
  added,
  canSignIn,
  onSignIn,
}: {
  /** The environment the link added (or the one already here that it repeats). */
  added: { name: string; existed: boolean } | null;
  canSignIn: boolean;
  onSignIn: () => void;
}) {
  return (
    <section aria-labelledby="share-welcome-heading" className="space-y-2 rounded border border-slate-300 bg-white p-4 text-sm text-slate-900">
      <h2 id="share-welcome-heading" className="text-lg font-semibold">
        Welcome to Auth Flow Debugger
      </h2>
      <p>
        Someone sent you this link to find out why your app&apos;s sign-in works but its next AWS call is refused. This dashboard signs in the way your
        app does, shows what is in your tokens, and tries your app&apos;s calls with each kind of credential, so the one that fails, and why, is in plain
        sight. The link holds only your environment&apos;s ids and endpoints, never a token or a password.
      </p>
      <p className="font-medium">What they asked you to do:</p>
      <ol className="list-decimal space-y-1 pl-5">
        <li>
          Add the environment below (check where it sends requests), then <strong>sign in</strong> with a user of your app.
        </li>
        <li>
          Open <strong>Test calls</strong> and press <strong>Run all</strong>.
        </li>
        <li>
          Under <strong>Export report</strong>, press <strong>Markdown</strong> and send the file back. Token signatures, keys and passwords are taken out of it.
        </li>
      </ol>
      {added && (
        <p role="status" className="text-green-800">
          {added.existed ? <>Already here: selected </> : <>Added and selected </>}
          <strong>{added.name}</strong>.
        </p>
      )}
      <button type="button" onClick={onSignIn} disabled={!canSignIn} className="rounded bg-slate-900 px-3 py-1.5 text-white disabled:opacity-50">
        Sign in
      </button>
    </section>
  );
}

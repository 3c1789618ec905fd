/** The command that creates the first admin, as the server's operator types it. */
export const FIRST_ADMIN_COMMAND = 'npm run staff -- add --email you@shop.example --role admin';

/**
 * How the first admin account comes to be: no page can create it (nobody could sign in to use
 * that page), so the server's operator runs the staff command on the server's machine.
 */
export function FirstAdminHint() {
  return (
    <section className="staff-card staff-first-admin" aria-labelledby="staff-first-admin">
      <h2 id="staff-first-admin">No account yet?</h2>
      <p>
        The first admin is created on the shop's server, in the folder Atelier runs from. The command asks for the password
        (it is never typed on the command line):
      </p>
      <pre className="staff-command"><code>{FIRST_ADMIN_COMMAND}</code></pre>
      <p>That admin then adds everyone else on the "Staff accounts" page. A forgotten password is reset the same way: <code>npm run staff -- reset-password --email …</code></p>
    </section>
  );
}

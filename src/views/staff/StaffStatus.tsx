/**
 * The polite live region of a page: what just happened ("Account ada@shop.example added."),
 * shown as a quiet line as well, so everyone sees that the change was made.
 */
export function StaffStatus({ status }: { readonly status: string }) {
  return (
    <p role="status" aria-live="polite" className="staff-status">
      {status}
    </p>
  );
}

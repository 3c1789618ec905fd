/** Props of {@link CatalogUnavailable}. */
export interface CatalogUnavailableProps {
  /** What happened and what to do, in sentences (from the catalog client). */
  readonly message: string;
  /** Asks the shop again. */
  readonly onRetry: () => void;
}

/**
 * The page shown when the shop's catalog could not be read (the server cannot be reached, or
 * answered an error): what happened and a "Try again" button, never a blank page. The heading takes
 * the focus, so a screen reader reads it at once.
 */
export function CatalogUnavailable({ message, onRetry }: CatalogUnavailableProps) {
  return (
    <main className="catalog-unavailable" aria-labelledby="catalog-unavailable-title">
      <h1 id="catalog-unavailable-title" tabIndex={-1} ref={(heading) => heading?.focus()}>The shop’s products could not be loaded</h1>
      <p role="alert">{message}</p>
      <p className="catalog-unavailable__hint">Your link is kept: trying again opens the same page.</p>
      <button type="button" className="button button--primary" onClick={onRetry}>Try again</button>
    </main>
  );
}

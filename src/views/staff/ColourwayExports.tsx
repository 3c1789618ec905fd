import { colourwayExports } from '../api/colourwayClient.ts';

/** Props of {@link ColourwayExports}. */
export interface ColourwayExportsProps {
  readonly productId: string;
  readonly productName: string;
}

/**
 * "Catalogue exports": the product's published colourways as downloads, plain same-origin links
 * (the session cookie goes with them, nothing secret in the page): the 3D model with a material
 * variant per colourway, and the catalogue feed as schema.org ProductGroup JSON-LD and as CSV.
 */
export function ColourwayExports({ productId, productName }: ColourwayExportsProps) {
  const headingId = `staff-colourway-exports-${productId}`;
  return (
    <section className="staff-card" aria-labelledby={headingId}>
      <h2 id={headingId}>Catalogue exports</h2>
      <p>The published colourways of the {productName}, for a 3D viewer, a shop feed or a spreadsheet. Machines use an API token with the designer role instead.</p>
      <p className="staff-links">
        {colourwayExports(productId).map((file) => (
          <a key={file.url} className="button button--secondary" href={file.url} download={file.fileName}>
            {file.label}<span className="sr-only"> of the {productName}</span>
          </a>
        ))}
      </p>
    </section>
  );
}

import { StaffLink } from '../StaffLink.tsx';
import { studioPath } from './studioPath.ts';

/** Props of {@link OpenInStudioLink}. */
export interface OpenInStudioLinkProps {
  readonly productId: string;
  /** The product's name, so each link on a page of several products says which it opens. */
  readonly productName: string;
}

/** "Open in studio": a link to the rules studio of a product (e.g. on the Rules page, under each product's heading). */
export function OpenInStudioLink({ productId, productName }: OpenInStudioLinkProps) {
  return (
    <StaffLink to={studioPath(productId)} className="button button--secondary button--small">
      Open in studio<span className="sr-only"> the rules of {productName}</span>
    </StaffLink>
  );
}

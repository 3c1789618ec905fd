/** The cocreation room of the domain: see CONTEXT.md. Import from this file outside the room. */
export { wilsonLowerBound } from './wilsonLowerBound.ts';

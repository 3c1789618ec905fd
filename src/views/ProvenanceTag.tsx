import type { Provenance } from '../domain/index.ts';

const TAGS: Readonly<Record<Provenance, { readonly text: string; readonly hint: string }>> = {
  customer: { text: 'Your choice', hint: 'You chose this.' },
  default: { text: 'Suggested', hint: 'Suggested for you; change it freely.' },
  engine: { text: 'Set by the rules', hint: 'Set by the rules to fit your other choices.' },
};

/** Props of {@link ProvenanceTag}. */
export interface ProvenanceTagProps {
  readonly provenance: Provenance;
  readonly id?: string;
}

/** Says quietly who set a value: the customer, a suggestion, or the rules. */
export function ProvenanceTag({ provenance, id }: ProvenanceTagProps) {
  const tag = TAGS[provenance];
  return (
    <span id={id} className={`provenance provenance--${provenance}`} title={tag.hint}>
      {tag.text}
    </span>
  );
}

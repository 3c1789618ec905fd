import type { AttributeId, OptionId, PartId } from '../domain/index.ts';

/**
 * The DOM ids views share: the conflict dialog returns focus to an option's radio, and a click on
 * the preview scrolls to a part's section. Attribute ids contain dots, which ids allow.
 */
export const domIds = {
  /** The `<input type="radio">` of one option. */
  optionInput: (attribute: AttributeId, option: OptionId) => `option-${attribute}-${option}`,
  /** The `<section>` of one part in the option panel. */
  partSection: (part: PartId) => `part-${part}`,
  /** The button that expands and collapses one part's section. */
  partToggle: (part: PartId) => `part-${part}-toggle`,
  /** The text box of a personal text, or the file input of an artwork: where the review's problem links go. */
  personalisationInput: (fieldId: string) => `personalisation-${fieldId}`,
  /** A field of the checkout (size, name, email, address lines) or its alert: where the review's problem links and focus go. */
  checkoutField: (name: 'size' | 'name' | 'email' | 'error' | `address-${string}`) => `checkout-${name}`,
} as const;

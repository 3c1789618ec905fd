/** The text with its first letter in capitals (server messages start in lower case, to be quoted in a sentence). */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

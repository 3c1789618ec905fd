import { createContext } from 'react';
import type { Explanation } from '../domain/index.ts';

/**
 * Which rules decide an unavailable option, in words, for its accessible description (the studio's
 * try-it pane, "Why unavailable" on). Null — the default, and always on customer pages — adds
 * nothing, so their options read exactly as before.
 */
export const RuleExplanationContext = createContext<((explanation: Explanation) => string) | null>(null);

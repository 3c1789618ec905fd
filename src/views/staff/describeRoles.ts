import type { StaffRole } from '../../domain/index.ts';

/**
 * Roles in a phrase: "the admin role", "the designer and fulfilment roles".
 *
 * @example describeRoles(['admin', 'designer', 'fulfilment']) // 'the admin, designer and fulfilment roles'
 */
export function describeRoles(roles: readonly StaffRole[]): string {
  if (roles.length === 0) return 'no role';
  if (roles.length === 1) return `the ${roles[0]} role`;
  return `the ${roles.slice(0, -1).join(', ')} and ${roles.at(-1)} roles`;
}

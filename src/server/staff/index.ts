// Staff: accounts, sessions, API tokens and the staff API. See CONTEXT.md.
export { createPasswordHasher, type PasswordHasher } from './passwords.ts';
export { newSecret, sameText, sha256Text } from './secrets.ts';
export { addStaffAccount, changeStaffAccount, findStaffAccountByName, resetStaffPassword, type AccountOutcome, type ActingAs, type StaffServices } from './staffAccounts.ts';
export { DEFAULT_SESSION_LIFETIME, identifyStaff, requireStaff, rolesOf, type Principal } from './staffAuth.ts';
export { DEFAULT_LOGIN_LIMITS, registerStaffRoutes, type LoginLimits } from './staffRoutes.ts';

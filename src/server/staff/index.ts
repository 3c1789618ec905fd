// Staff: accounts, sessions, API tokens and the staff API. See CONTEXT.md.
export { createPasswordHasher, type PasswordHasher } from './passwords.ts';
export { newSecret, sameText, sha256Text } from './secrets.ts';
export { addStaffAccount, changeStaffAccount, findStaffAccountByName, resetStaffPassword, type AccountOutcome, type ActingAs, type StaffServices } from './staffAccounts.ts';

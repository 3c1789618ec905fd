// The staff, token, webhook and audit storage suite on the embedded database (PGlite), as `npm start` uses it by default.
import { describeStaffRepository } from './staffRepository.shared.ts';
import { openTestPglite } from '../../scripts/support/testDatabases.ts';

describeStaffRepository('PGlite', openTestPglite);

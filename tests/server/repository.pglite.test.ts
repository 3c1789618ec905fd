// The storage suite on the embedded database (PGlite), as `npm start` uses it by default.
import { describeRepository } from './repository.shared.ts';
import { openTestPglite } from '../../scripts/support/testDatabases.ts';

describeRepository('PGlite', openTestPglite);

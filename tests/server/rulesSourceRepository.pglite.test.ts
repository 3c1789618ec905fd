// The rules sources storage suite on the embedded database (PGlite), as `npm start` uses it by default.
import { describeRulesSourceRepository } from './rulesSourceRepository.shared.ts';
import { openTestPglite } from '../../scripts/support/testDatabases.ts';

describeRulesSourceRepository('PGlite', openTestPglite);

// The studio drafts storage suite on the embedded database (PGlite), as `npm start` uses it by default.
import { describeStudioDraftRepository } from './studioDraftRepository.shared.ts';
import { openTestPglite } from '../../scripts/support/testDatabases.ts';

describeStudioDraftRepository('PGlite', openTestPglite);

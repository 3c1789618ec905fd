// The storage suite of the rules studio's drafts (migration 013): one draft per product and staff
// account, saved only over the revision the saver read. The same cases run on PGlite
// (studioDraftRepository.pglite.test.ts) and a PostgreSQL server (studioDraftRepository.postgres.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/server/migrate.ts';
import type { Repository } from '../../src/server/repository.ts';
import type { StudioDraftSave } from '../../src/server/repository/studioDraftStore.ts';
import type { SqlClient } from '../../src/server/sqlClient.ts';
import { createSqlRepository } from '../../src/server/sqlRepository.ts';

/** Opens a database for the suite, and a function to close and remove it. */
export type OpenDatabase = () => Promise<{ client: SqlClient; dispose: () => Promise<void> }>;

const T0 = new Date('2026-12-07T10:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
/** An instant as the database reads it back (microseconds). */
const stored = (instant: Date) => instant.toISOString().replace(/Z$/, '000Z');

const save = (accountId: string, readRevision: number, text: string, overrides: Partial<StudioDraftSave> = {}): StudioDraftSave => ({
  productId: 'sneaker', accountId, basedOn: 'v1', productText: `# product ${text}\n`, rulesText: `# rules ${text}\n`, readRevision, at: at(readRevision), ...overrides,
});

/** Registers the suite for one implementation; `skip` explains why it cannot run here. */
export function describeStudioDraftRepository(name: string, open: OpenDatabase, skip?: string): void {
  describe.skipIf(skip !== undefined)(`the ${name} repository's studio drafts`, () => {
    let dispose: () => Promise<void>;
    let repository: Repository;

    beforeAll(async () => {
      const opened = await open();
      dispose = opened.dispose;
      await applyMigrations(opened.client);
      repository = createSqlRepository(opened.client);
      for (const [id, email] of [['acc_mia', 'mia@shop.example'], ['acc_noa', 'noa@shop.example'], ['acc_tab', 'tab@shop.example']]) {
        await repository.createStaffAccount({ id: id!, email: email!, roles: ['merchandiser'], passwordHash: `$argon2id$hash-of-${id}`, createdAt: T0 });
      }
    }, 60_000);
    afterAll(() => dispose?.());

    it('saves a first draft as revision 1, and each save over the revision read as the next', async () => {
      const first = await repository.saveStudioDraft(save('acc_mia', 0, 'one'));
      expect(first).toEqual({ saved: true, draft: { productId: 'sneaker', accountId: 'acc_mia', basedOn: 'v1', productText: '# product one\n', rulesText: '# rules one\n', tables: {}, revision: 1, updatedAt: stored(at(0)) } });
      // The CSV tables the rules file names (migration 014) are saved with the texts, exactly as written.
      const tables = { 'sneaker.soles.csv': 'midsole.colour,outsole.colour\r\n"gum", gum\n', 'sneaker.laces.csv': 'laces.colour\n' };
      const second = await repository.saveStudioDraft(save('acc_mia', 1, 'two', { basedOn: 'v2', tables }));
      expect(second.saved && second.draft).toMatchObject({ revision: 2, basedOn: 'v2', rulesText: '# rules two\n', tables, updatedAt: stored(at(1)) });
      expect(await repository.findStudioDraft('sneaker', 'acc_mia')).toMatchObject({ revision: 2, productText: '# product two\n', tables });
    });

    it('refuses a save over a revision that is no longer stored, answering the stored draft', async () => {
      // A second tab read revision 1; the first has saved revision 2 since.
      expect(await repository.saveStudioDraft(save('acc_mia', 1, 'stale tab'))).toEqual({ saved: false, current: await repository.findStudioDraft('sneaker', 'acc_mia') });
      // A tab that knows of no draft cannot replace one either.
      expect(await repository.saveStudioDraft(save('acc_mia', 0, 'fresh tab'))).toMatchObject({ saved: false, current: { revision: 2, rulesText: '# rules two\n' } });
      expect(await repository.findStudioDraft('sneaker', 'acc_mia')).toMatchObject({ revision: 2, rulesText: '# rules two\n' });
    });

    it('lets exactly one of two saves over the same revision through', async () => {
      await repository.saveStudioDraft(save('acc_tab', 0, 'start'));
      const outcomes = await Promise.all([repository.saveStudioDraft(save('acc_tab', 1, 'left')), repository.saveStudioDraft(save('acc_tab', 1, 'right'))]);
      expect(outcomes.filter((outcome) => outcome.saved)).toHaveLength(1);
      expect((await repository.findStudioDraft('sneaker', 'acc_tab'))?.revision).toBe(2);
      await repository.deleteStudioDraft('sneaker', 'acc_tab');
    });

    it('keeps each account\'s draft and each product\'s apart, and lists a product\'s drafts with their emails, newest first', async () => {
      await repository.saveStudioDraft(save('acc_noa', 0, 'noa', { at: at(30), basedOn: 'v1' }));
      await repository.saveStudioDraft(save('acc_noa', 0, 'noa boot', { productId: 'boot' }));
      expect((await repository.findStudioDraft('sneaker', 'acc_noa'))?.rulesText).toBe('# rules noa\n');
      expect((await repository.findStudioDraft('boot', 'acc_noa'))?.rulesText).toBe('# rules noa boot\n');
      expect(await repository.findStudioDraft('boot', 'acc_mia')).toBeUndefined();
      expect(await repository.listStudioDrafts('sneaker')).toEqual([
        { accountId: 'acc_noa', email: 'noa@shop.example', basedOn: 'v1', updatedAt: stored(at(30)) },
        { accountId: 'acc_mia', email: 'mia@shop.example', basedOn: 'v2', updatedAt: stored(at(1)) },
      ]);
      expect(await repository.listStudioDrafts('no-such-product')).toEqual([]);
    });

    it('deletes one account\'s draft of one product, and starts again from revision 1 after', async () => {
      expect(await repository.deleteStudioDraft('sneaker', 'acc_mia')).toBe(true);
      expect(await repository.deleteStudioDraft('sneaker', 'acc_mia')).toBe(false);
      expect(await repository.findStudioDraft('sneaker', 'acc_mia')).toBeUndefined();
      expect(await repository.findStudioDraft('sneaker', 'acc_noa')).toBeDefined();
      const again = await repository.saveStudioDraft(save('acc_mia', 0, 'again'));
      expect(again.saved && again.draft.revision).toBe(1);
    });

    it('refuses a draft of an account that does not exist', async () => {
      await expect(repository.saveStudioDraft(save('acc_nobody', 0, 'orphan'))).rejects.toThrow();
    });
  });
}

// What the studio's Publish panel and three-way view compute: why publishing cannot be asked for
// yet, and a file's line difference with unchanged runs left out.
import { describe, expect, it } from 'vitest';
import { lineDifference } from '../../src/views/staff/studio/lineDifference.ts';
import { publishBlocker } from '../../src/views/staff/studio/PublishPanel.tsx';

const clean = { diagnostics: [{ severity: 'warning' }], examples: [{ passed: true }] };

describe('publishing from the studio', () => {
  it('is allowed with a draft whose check has no errors and no failing example (warnings do not stop it)', () => {
    expect(publishBlocker({ check: clean, checking: false, hasDraft: true, draftInDoubt: false })).toBeNull();
  });

  it('waits for a draft, for another tab\'s save to be settled, and for the check', () => {
    expect(publishBlocker({ check: clean, checking: false, hasDraft: false, draftInDoubt: false })).toMatch(/^Nothing to publish yet/);
    expect(publishBlocker({ check: clean, checking: false, hasDraft: true, draftInDoubt: true })).toMatch(/which tab's text to keep/);
    expect(publishBlocker({ check: null, checking: true, hasDraft: true, draftInDoubt: false })).toBe('Checking the files…');
    expect(publishBlocker({ check: clean, checking: true, hasDraft: true, draftInDoubt: false })).toBe('Checking the files…');
  });

  it('is refused while the draft has errors or failing examples, saying how many', () => {
    const errors = { diagnostics: [{ severity: 'error' }, { severity: 'error' }, { severity: 'warning' }], examples: null };
    expect(publishBlocker({ check: errors, checking: false, hasDraft: true, draftInDoubt: false })).toMatch(/^Fix the 2 errors first/);
    const failing = { diagnostics: [], examples: [{ passed: false }, { passed: true }] };
    expect(publishBlocker({ check: failing, checking: false, hasDraft: true, draftInDoubt: false })).toMatch(/^An example fails/);
    // A check without examples (a worker that does not run them) is judged on its problems alone.
    expect(publishBlocker({ check: { diagnostics: [] }, checking: false, hasDraft: true, draftInDoubt: false })).toBeNull();
  });
});

describe('a file\'s line difference', () => {
  const lines = (count: number, change?: [number, string]) => Array.from({ length: count }, (_, index) => (change && index + 1 === change[0] ? change[1] : `line ${index + 1}`)).join('\n') + '\n';

  it('is empty when nothing changed', () => {
    expect(lineDifference(lines(20), lines(20))).toEqual([]);
  });

  it('shows a changed line as removed and added, with two lines around it and the rest left out', () => {
    expect(lineDifference(lines(20), lines(20, [10, 'line ten']))).toEqual([
      { kind: 'gap', lines: 7 },
      { kind: 'same', line: 8, text: 'line 8' },
      { kind: 'same', line: 9, text: 'line 9' },
      { kind: 'removed', line: 10, text: 'line 10' },
      { kind: 'added', line: 10, text: 'line ten' },
      { kind: 'same', line: 11, text: 'line 11' },
      { kind: 'same', line: 12, text: 'line 12' },
      { kind: 'gap', lines: 8 },
    ]);
  });

  it('numbers added lines in the new text and removed ones in the old', () => {
    const rows = lineDifference('a\nb\nc\n', 'a\nx\ny\nc\n', 0);
    expect(rows).toEqual([{ kind: 'gap', lines: 1 }, { kind: 'removed', line: 2, text: 'b' }, { kind: 'added', line: 2, text: 'x' }, { kind: 'added', line: 3, text: 'y' }, { kind: 'gap', lines: 1 }]);
  });
});

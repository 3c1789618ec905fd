import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { offsetOf, type Diagnostic, type Draft, type RuleCard } from '../../../domain/studio/index.ts';
import type { RulesSources } from '../../api/staffClient.ts';
import { DiagnosticList } from './DiagnosticList.tsx';
import { RuleCardList } from './RuleCardList.tsx';
import { StudioSidePanels } from './StudioSidePanels.tsx';
import { TryItPane } from './TryItPane.tsx';
import { useDraftCheck, type DraftCheckState } from './useDraftCheck.ts';
import { YamlEditor, type YamlEditorHandle } from './YamlEditor.tsx';
import { TableTabPanels, tableTabName } from './TableTabPanels.tsx';
import { isTableTab, useTableTabs, type TableTab } from './useTableTabs.ts';
import { useStudioLanguage } from './useStudioLanguage.ts';

type Tab = 'rules' | 'product';
const TABS: readonly Tab[] = ['rules', 'product'];
const TAB_NAMES: Readonly<Record<Tab, string>> = { rules: 'Rules file', product: 'Product file' };

/** Props of {@link StudioWorkbench}. */
export interface StudioWorkbenchProps {
  readonly sources: RulesSources;
  /** Called after each edit with how to read the draft (read it only when needed: the studio's autosave). */
  readonly onEdit?: (draft: () => Draft) => void;
  /** What to show under the problems, from the newest check (the studio's Publish panel). */
  readonly footer?: (check: DraftCheckState) => ReactNode;
}

/**
 * The studio's editor and what it says: two tabs (the rules file, the product file) over one
 * draft, checked in the worker as typing pauses; the problems listed under the editor and the
 * rules as cards beside it.
 */
export function StudioWorkbench({ sources, onEdit, footer }: StudioWorkbenchProps) {
  const [tab, setTab] = useState<Tab | TableTab>('rules');
  const editors = { rules: useRef<YamlEditorHandle>(null), product: useRef<YamlEditorHandle>(null) };
  const tabs = { rules: useRef<HTMLButtonElement>(null), product: useRef<HTMLButtonElement>(null) };
  const check = useDraftCheck();
  const draft = (): Draft => ({
    product: { file: sources.product.file, text: editors.product.current?.text() ?? sources.product.text },
    rules: { file: sources.rules.file, text: editors.rules.current?.text() ?? sources.rules.text },
    ...(tables.tabs.length > 0 ? { tables: tables.texts() } : {}),
  });
  const fileNames = { [sources.rules.file]: `${TAB_NAMES.rules} (${sources.rules.file})`, [sources.product.file]: `${TAB_NAMES.product} (${sources.product.file})` };
  const tabOf = (file: string): Tab => (file === sources.product.file ? 'product' : 'rules');
  // The CSV tables the rules file names, each a tab after the two YAML files.
  const tables = useTableTabs(sources.rules.file, sources.tables, tab);
  for (const table of tables.tabs) fileNames[tables.fileOf(table)] = tableTabName(table);
  const allTabs: readonly (Tab | TableTab)[] = [...TABS, ...tables.tabs];
  const fileTab = (file: string): Tab | TableTab => tables.tabOf(file) ?? tabOf(file);
  const editorOf = (target: Tab | TableTab) => (isTableTab(target) ? tables.editor(target) : editors[target]).current;

  useEffect(() => {
    check.checkNow({ product: sources.product, rules: sources.rules, ...(tables.tabs.length > 0 ? { tables: sources.tables } : {}) });
    // Once, for the files as they were opened; every edit schedules its own check.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** Shows a tab and then moves its editor's cursor (the editor must be visible to take focus). */
  const moveTo = (target: Tab | TableTab, offset: number) => {
    flushSync(() => setTab(target));
    editorOf(target)?.moveTo(offset);
  };
  const goTo = (diagnostic: Diagnostic) => moveTo(fileTab(diagnostic.file), diagnostic.from);
  // Hover docs, go to definition (into the product file) and the fixes of a removed option.
  const language = useStudioLanguage({ files: { rules: sources.rules.file, product: sources.product.file }, text: (file) => editors[tabOf(file)].current?.text() ?? sources[tabOf(file)].text, vocabulary: check.vocabulary, cards: check.cards, openProductAt: (offset) => moveTo('product', offset) });
  const show = (card: RuleCard) => moveTo('rules', offsetOf(editors.rules.current?.text() ?? sources.rules.text, card.line ?? 1, 1));

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = allTabs.indexOf(tab);
    const next = event.key === 'ArrowRight' ? allTabs[(index + 1) % allTabs.length] : event.key === 'ArrowLeft' ? allTabs[(index + allTabs.length - 1) % allTabs.length] : event.key === 'Home' ? allTabs[0] : event.key === 'End' ? allTabs.at(-1) : undefined;
    if (!next) return;
    event.preventDefault();
    setTab(next);
    (isTableTab(next) ? tables.button(next) : tabs[next]).current?.focus();
  };

  const answer = check.answer;
  const diagnostics = answer?.diagnostics ?? [];
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const summary = !answer
    ? 'Checking the files…'
    : `${errors === 0 ? 'No errors' : `${errors} ${errors === 1 ? 'error' : 'errors'}`}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}${answer.designs !== null ? ` · ${BigInt(answer.designs).toLocaleString('en-GB')} possible designs` : ''}`;

  return (
    <div className="studio">
      <div className="studio__main">
        <p id="studio-summary" role="status" className="studio-summary">
          {summary}
          {check.checking && answer && <span className="studio-summary__checking" aria-hidden="true"> · checking…</span>}
        </p>
        <div role="tablist" aria-label="Files of the draft" className="studio-tabs">
          {allTabs.map((name) => {
            const count = diagnostics.filter((diagnostic) => fileTab(diagnostic.file) === name).length;
            return (
              <button
                key={name}
                ref={isTableTab(name) ? tables.button(name) : tabs[name]}
                type="button"
                role="tab"
                id={`studio-tab-${name}`}
                aria-selected={tab === name}
                aria-controls={`studio-panel-${name}`}
                tabIndex={tab === name ? 0 : -1}
                className="studio-tab"
                onClick={() => setTab(name)}
                onKeyDown={onTabKey}
              >
                {isTableTab(name) ? tableTabName(name) : TAB_NAMES[name]}
                {count > 0 && <span className="studio-tab__count" aria-label={`${count} ${count === 1 ? 'problem' : 'problems'}`}>{count}</span>}
              </button>
            );
          })}
        </div>
        {TABS.map((name) => (
          <div key={name} role="tabpanel" id={`studio-panel-${name}`} aria-labelledby={`studio-tab-${name}`} hidden={tab !== name} className="studio-panel">
            <YamlEditor
              file={sources[name].file}
              label={`${TAB_NAMES[name]} ${sources[name].file}, YAML. Tab leaves the editor; Control and Space lists completions.`}
              describedBy="studio-summary"
              initialText={sources[name].text}
              diagnostics={diagnostics}
              vocabulary={check.vocabulary}
              onChange={() => {
                check.schedule(draft);
                onEdit?.(draft);
              }}
              handle={editors[name]}
              language={language}
            />
          </div>
        ))}
        <TableTabPanels tables={tables} shown={tab} diagnostics={diagnostics} vocabulary={check.vocabulary} onChange={() => { check.schedule(draft); onEdit?.(draft); }} />
        {check.failure && <p role="alert" className="staff-alert">The check failed: {check.failure}. Reload the page; if it happens again, tell a developer.</p>}
        <section aria-labelledby="studio-problems" className="studio-problems">
          <h2 id="studio-problems">Problems</h2>
          {answer && (
            <DiagnosticList
              diagnostics={diagnostics}
              fileNames={fileNames}
              onGoTo={goTo}
              fixesOf={language.fixesOf}
              onFix={(diagnostic, edit) => {
                moveTo(fileTab(diagnostic.file), edit.from);
                editorOf(fileTab(diagnostic.file))?.apply(edit);
              }}
            />
          )}
        </section>
        {footer?.(check)}
      </div>
      <section aria-labelledby="studio-rules" className="studio__side">
        <h2 id="studio-rules">Rules</h2>
        {check.cards ? <RuleCardList cards={check.cards} stale={check.cardsStale} onShow={show} edit={{ rules: () => editors.rules.current, table: tables.handle, vocabulary: check.vocabulary }} /> : <p className="staff-loading">{answer ? 'The rules file does not load yet: fix the problems to see its rules.' : 'Reading the rules…'}</p>}
        <StudioSidePanels answer={answer} draft={draft} onGoTo={(offset) => moveTo('rules', offset)} />
      </section>
      <TryItPane answer={answer} onRulesEdit={(edit) => { const editor = editors.rules.current; if (editor) editor.apply(edit(editor.text())); }} />
    </div>
  );
}

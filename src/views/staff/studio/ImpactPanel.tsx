import { useSelector } from '@xstate/react';
import { useEffect, useId, useMemo, useState } from 'react';
import { formatMoney } from '../../../domain/index.ts';
import type { Draft } from '../../../domain/studio/index.ts';
import { compareWithPublished, type DesignsImpact, type RefusedDesignExample, type StaffConnection, type StudioImpact } from '../../api/staffClient.ts';
import { useStaffNavigation } from '../StaffNavigationContext.ts';
import { useStaffSessionActor } from '../StaffSessionActorContext.ts';
import { studioProductAt } from './studioPath.ts';
import './studioPanels.css';

/** Props of {@link ImpactPanel}. */
export interface ImpactPanelProps {
  /** The draft as it is in the editors now. */
  readonly draft: () => Draft;
  /** Grows with each check of the draft: a new value means the draft changed and was checked. */
  readonly checkId: number | null;
  /** Whether the draft's files load (there is nothing to compare while they do not). */
  readonly loads: boolean;
}

/** The last comparison that ended: of which request (`runs:checkId`), the last figures that arrived, and the failure, if it failed. */
interface Settled {
  readonly key: string;
  readonly impact: StudioImpact | null;
  readonly failure: string | null;
}

const count = (text: string) => BigInt(text).toLocaleString('en-GB');

/**
 * "Compare with the published version": the draft's difference from the product's current
 * version (designs before and after, options gained and lost by name, rules added, removed and
 * changed) and the stored orders of the last 90 days and gallery designs it would refuse, with up to
 * five of each (order number, value, the rule that refuses it). Once asked, it compares again
 * whenever the draft changes and its check has answered.
 */
export function ImpactPanel({ draft, checkId, loads }: ImpactPanelProps) {
  const headingId = useId();
  const actor = useStaffSessionActor();
  const csrfToken = useSelector(actor, (snapshot) => snapshot.context.session?.csrfToken);
  const productId = studioProductAt(useStaffNavigation().path);
  const connection = useMemo<StaffConnection | null>(() => (csrfToken ? { csrfToken, onSignedOut: () => actor.send({ type: 'session.ended' }) } : null), [csrfToken, actor]);
  // 0 until the button is pressed; each press compares again, as does each new check of the draft.
  const [runs, setRuns] = useState(0);
  const [settled, setSettled] = useState<Settled | null>(null);
  const key = `${runs}:${checkId}`;
  const comparing = runs > 0 && loads && connection !== null && settled?.key !== key;

  // The check already waited for typing to pause, so each new check that loads is compared; an
  // answer to an older draft is dropped when a newer one is asked for.
  useEffect(() => {
    if (runs === 0 || !loads || !connection || productId === undefined) return;
    let current = true;
    const { product, rules, tables } = draft();
    compareWithPublished(connection, productId, { product: product.text, rules: rules.text, ...(tables ? { tables } : {}) }).then(
      (impact) => { if (current) setSettled({ key, impact, failure: null }); },
      (error: unknown) => { if (current) setSettled((before) => ({ key, impact: before?.impact ?? null, failure: error instanceof Error ? error.message : String(error) })); },
    );
    return () => { current = false; };
    // `draft` reads the editors as they are: a new function each render, not a new draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, loads, connection, productId]);

  const failure = settled?.key === key ? settled.failure : null;
  return (
    <section aria-labelledby={headingId} className="studio-impact" aria-busy={comparing}>
      <h2 id={headingId}>Compared with the published version</h2>
      <p className="studio-impact__actions">
        <button type="button" className="button button--small" disabled={!loads || comparing || !connection} onClick={() => setRuns((before) => before + 1)}>
          {runs > 0 ? 'Compare again' : 'Compare with the published version'}
        </button>
        <span role="status" className="studio-impact__status">
          {!loads ? 'The draft does not load: fix its problems to compare it.' : comparing ? 'Comparing…' : runs > 0 ? 'Compared again whenever the draft changes.' : ''}
        </span>
      </p>
      {failure && <p role="alert" className="staff-alert">The comparison failed: {failure}</p>}
      {settled?.impact && <ImpactReport impact={settled.impact} />}
    </section>
  );
}

/** The comparison's figures and examples (exported for its test). */
export function ImpactReport({ impact }: { impact: StudioImpact }) {
  const before = BigInt(impact.designs.before);
  const after = BigInt(impact.designs.after);
  const attributeName = (attribute: string) => impact.names.attributes[attribute] ?? attribute;
  const optionNames = (attribute: string, options: readonly string[]) => options.map((option) => impact.names.options[attribute]?.[option] ?? option).join(', ');
  const optionLines = [
    ...impact.attributesAdded.map((attribute) => ({ key: `+${attribute}`, attribute, text: 'a new choice: every design gets a value' })),
    ...impact.attributesRemoved.map((attribute) => ({ key: `-${attribute}`, attribute, text: 'removed from the product' })),
    ...impact.options.flatMap((entry) => ([['no longer possible', entry.lost], ['newly possible', entry.gained], ['added to the product', entry.added], ['removed from the product', entry.removed]] as const)
      .filter(([, options]) => options.length > 0)
      .map(([what, options]) => ({ key: `${entry.attribute}:${what}`, attribute: entry.attribute, text: `${what}: ${optionNames(entry.attribute, options)}` }))),
  ];
  const ruleLines = [
    ...impact.rules.added.map((rule) => ({ ...rule, change: 'Added' })),
    ...impact.rules.removed.map((rule) => ({ ...rule, change: 'Removed' })),
    ...impact.rules.changed.map((rule) => ({ ...rule, change: 'Changed' })),
  ];
  const value = impact.impact.orders.refusedValue.map(({ currency, total }) => formatMoney(total, currency)).join(' + ');
  return (
    <div className="studio-impact__report">
      <p className="studio-impact__designs">
        <strong>{count(impact.designs.before)} → {count(impact.designs.after)}</strong> possible designs
        {' '}({change(before, after)})
      </p>
      <h3>Options</h3>
      {optionLines.length === 0 ? <p>No option becomes possible or impossible.</p> : (
        <ul className="studio-impact__list">
          {optionLines.map((line) => <li key={line.key}><strong>{attributeName(line.attribute)}</strong>: {line.text}</li>)}
        </ul>
      )}
      <h3>Rules</h3>
      {ruleLines.length === 0 ? <p>No rule added, removed or changed.</p> : (
        <ul className="studio-impact__list">
          {ruleLines.map((rule) => <li key={`${rule.change}:${rule.id}`}><span className="staff-tag">{rule.change}</span> <code>{rule.id}</code>: {rule.message}</li>)}
        </ul>
      )}
      <h3>Orders of the last {impact.impact.days} days</h3>
      <p>{refusedSentence(impact.impact.orders, 'order')}{value && impact.impact.orders.refused > 0 ? `, worth ${value}` : ''}.</p>
      <RefusedList examples={impact.impact.orders.examples} label="Orders the draft would refuse" />
      <h3>Gallery designs</h3>
      <p>{refusedSentence(impact.impact.candidates, 'gallery design')}.</p>
      <RefusedList examples={impact.impact.candidates.examples} label="Gallery designs the draft would refuse" />
    </div>
  );
}

function RefusedList({ examples, label }: { examples: readonly RefusedDesignExample[]; label: string }) {
  if (examples.length === 0) return null;
  return (
    <ul className="studio-impact__refused" aria-label={label}>
      {examples.map((example) => (
        <li key={example.id}>
          <p className="studio-impact__refused-head">
            <strong>{example.name}</strong>
            {example.total !== undefined && example.currency !== undefined && <span>{formatMoney(example.total, example.currency)}</span>}
          </p>
          <p className="studio-impact__why">{reasons(example)}</p>
        </li>
      ))}
    </ul>
  );
}

function refusedSentence(impact: DesignsImpact, noun: string): string {
  const plural = (amount: number) => `${amount} ${noun}${amount === 1 ? '' : 's'}`;
  if (impact.checked === 0) return `No ${noun}s stored`;
  const refused = impact.refused === 0 ? `None of ${plural(impact.checked)} would be refused` : `${impact.refused} of ${plural(impact.checked)} would be refused as ${impact.refused === 1 ? 'it is' : 'they are'}`;
  const already = impact.refusedBefore > 0 ? ` (${impact.refusedBefore} already by the published version)` : '';
  const changed = impact.changed > 0 ? `; ${impact.changed} would get a value for a new choice` : '';
  return `${refused}${already}${changed}`;
}

function reasons(example: RefusedDesignExample): string {
  const removed = example.removedChoices.map((choice) => `${choice.attribute}: ${choice.option} is no longer in the product`);
  const rules = example.rules.map((rule) => `refused by ${rule.ruleId}: ${rule.message}`);
  return [...removed, ...rules].join('; ') || 'refused by the rules together';
}

/** `−58,950,923,406,396, −7.0%`, `no change` (exact: the counts exceed 2^53). */
function change(before: bigint, after: bigint): string {
  if (before === after) return 'no change';
  const sign = after < before ? '−' : '+';
  const magnitude = after < before ? before - after : after - before;
  if (before === 0n) return `${sign}${magnitude.toLocaleString('en-GB')}`;
  const tenths = (magnitude * 1000n) / before;
  return `${sign}${magnitude.toLocaleString('en-GB')}, ${sign}${tenths / 10n}.${tenths % 10n}%`;
}

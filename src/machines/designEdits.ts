import {
  artworkForDocument, artworkPlacementKeys, attributeById, attributeDisplayName, createDesignDocument, describeExplanation, describeRepair,
  explainUnavailable, optionById, personalisationForDocument, personalisationKeysOf, summariseDesign,
  type ArtworkMeta, type AttributeId, type CatalogEntry, type Choice, type DesignSummary, type OptionId,
} from '../domain/index.ts';
import type { CheckoutDesign } from './checkoutMachine.ts';
import { describeChange } from './describeChange.ts';
import { recordChange, recordCoalescedChange, redo, setChoice, startHistory, undo, type DesignHistory } from './designHistory.ts';
import type { Conflict, SessionContext } from './sessionContext.ts';

// How each change of the design moves the session: the history recorded, the summary re-derived
// by the domain, the change announced. Every function returns the context's changed fields.

type Change = Partial<SessionContext>;

/** The context after the design changed: history moved, summary re-derived, change announced. */
function withHistory(context: SessionContext, history: DesignHistory, label: string): Change {
  if (history === context.history) return {};
  const summary = summariseDesign(context.entry, context.space, history.present.choices, suggestedBy(context.entry, history.present), history.present.personalisation, context.artworks);
  return { history, summary, conflict: null, announcement: describeChange(context.space, label, context.summary, summary) };
}

/** The values of the colourway (or shared design) the customer started from: suggestions the customer can override. */
export function suggestedBy(entry: CatalogEntry, present: DesignHistory['present']): Readonly<Record<AttributeId, OptionId>> {
  if (present.presetId === null) return present.startedFrom ?? {};
  return entry.product.presets.find((preset) => preset.id === present.presetId)?.choices ?? {};
}

/** The design under review, as the checkout receives it. */
export function checkoutDesign(context: Pick<SessionContext, 'entry' | 'summary' | 'history' | 'artworks' | 'remixOf'>): CheckoutDesign {
  const { entry, summary } = context;
  const document = createDesignDocument(
    entry.product.id, entry.rulesVersion, summary.resolved.assignment, context.history.present.choices.map((choice) => choice.attribute),
    { ...personalisationForDocument(summary.personalisation), ...artworkForDocument(summary.artwork) },
  );
  return { document, summary, artworks: context.artworks, remixOf: context.remixOf };
}

function optionLabel(context: SessionContext, attributeId: AttributeId, optionId: OptionId): string {
  const attribute = attributeById(context.space.product, attributeId);
  return `${attributeDisplayName(context.space.product, attribute)}: ${optionById(attribute, optionId).label}`;
}

function partOf(context: SessionContext, attributeId: AttributeId) {
  return attributeById(context.space.product, attributeId).partId;
}

/** An available option becomes the customer's choice; the preview turns to its part. */
export function chooseOption(context: SessionContext, choice: Choice): Change {
  const label = optionLabel(context, choice.attribute, choice.option);
  const history = recordChange(context.history, label, (draft) => setChoice(draft, { attribute: choice.attribute, option: choice.option }));
  return { ...withHistory(context, history, label), focusedPart: partOf(context, choice.attribute) };
}

/** A choice of the customer's goes back to the suggested option. */
export function clearChoice(context: SessionContext, attributeId: AttributeId): Change {
  const label = `${attributeDisplayName(context.space.product, attributeById(context.space.product, attributeId))} back to the suggested option`;
  const history = recordChange(context.history, label, (draft) => {
    draft.choices.splice(draft.choices.findIndex((choice) => choice.attribute === attributeId), 1);
  });
  return withHistory(context, history, label);
}

/**
 * A colourway: its values become suggestions, not choices, so the customer can change any of
 * them and the engine adjusts the rest, instead of every later change being a conflict.
 */
export function applyPreset(context: SessionContext, presetId: string): Change {
  const preset = context.entry.product.presets.find((candidate) => candidate.id === presetId)!;
  const label = `Colourway ${preset.name}`;
  const history = recordChange(context.history, label, (draft) => {
    draft.choices = [];
    draft.presetId = preset.id;
    delete draft.startedFrom;
  });
  return withHistory(context, history, label);
}

/** An unavailable option was asked for: why, and the repair the rules propose. */
export function openConflict(context: SessionContext, target: Choice): Change {
  const explanation = explainUnavailable(context.space, context.entry.ruleSet, context.history.present.choices, target, suggestedBy(context.entry, context.history.present))!;
  const reason = describeExplanation(context.space, explanation);
  const repairText = explanation.repair ? describeRepair(context.space, explanation.repair) : undefined;
  const conflict: Conflict = repairText === undefined ? { explanation, reason } : { explanation, reason, repairText };
  return { conflict, announcement: `${optionLabel(context, target.attribute, target.option)} is not available. ${reason}${repairText ? ` Suggested: ${repairText}` : ''}` };
}

/** The conflict's repair is applied; what it gave up is announced by describeChange. */
export function acceptRepair(context: SessionContext): Change {
  const { repair, target } = context.conflict!.explanation;
  const label = optionLabel(context, target.attribute, target.option);
  const history = recordChange(context.history, label, (draft) => {
    draft.choices = repair!.choices.map((choice) => ({ ...choice }));
  });
  return { ...withHistory(context, history, label), focusedPart: partOf(context, target.attribute) };
}

export function undoChange(context: SessionContext): Change {
  return withHistory(context, undo(context.history), `Undid ${context.history.past.at(-1)?.label ?? ''}`);
}

export function redoChange(context: SessionContext): Change {
  return withHistory(context, redo(context.history), `Redid ${context.history.future[0]?.label ?? ''}`);
}

/** Back to the suggested design (one step to undo). */
export function resetDesign(context: SessionContext): Change {
  const history = recordChange(context.history, 'Start over', (draft) => {
    draft.choices = [];
    draft.presetId = null;
    delete draft.startedFrom;
    delete draft.personalisation;
  });
  return withHistory(context, history, 'Started over from the suggested design');
}

/** A fresh design after an order: no history, no remix. */
export function startNewDesign(context: SessionContext): Change {
  const summary: DesignSummary = summariseDesign(context.entry, context.space, []);
  return { history: startHistory({ choices: [], presetId: null }), summary, remixOf: null, focusedPart: null, announcement: 'Started a new design.' };
}

/** Whether `key` is something the customer edits: a text field's text or style, an artwork's placement (its file is attached, not typed). */
export function isPersonalisationKey(summary: DesignSummary, key: string): boolean {
  return summary.personalisation.some((status) => personalisationKeysOf(status.field).includes(key))
    || summary.artwork.some((status) => Object.values(artworkPlacementKeys(status.field.id)).includes(key));
}

/** A keystroke or a style or placement change; typing into one field coalesces into one step. */
export function editPersonalisation(context: SessionContext, key: string, value: string): Change {
  const fieldId = key.split('.')[0]!;
  const field = [...context.summary.personalisation, ...context.summary.artwork].find((status) => status.field.id === fieldId)!.field;
  const style = key.slice(fieldId.length + 1);
  const label = style === '' ? field.label : `${field.label} ${style}`;
  const history = recordCoalescedChange(context.history, label, key, (draft) => {
    draft.personalisation = { ...(draft.personalisation ?? {}), [key]: value };
  });
  if (history === context.history) return {};
  const next = withHistory(context, history, label);
  // What the customer is typing is read back by the text box itself; announce only its problems.
  const text = next.summary!.personalisation.find((candidate) => candidate.field.id === fieldId);
  const artwork = next.summary!.artwork.find((candidate) => candidate.field.id === fieldId);
  const problems = text ? (text.check?.problems.map((problem) => problem.message) ?? []) : [...(artwork?.problems ?? []), ...(artwork?.warnings ?? [])];
  return { ...next, announcement: style === '' || artwork ? problems.join(' ') || next.announcement! : next.announcement! };
}

/** An uploaded artwork is placed in its field, as large as the field allows (an earlier placement is dropped). */
export function attachArtwork(context: SessionContext, fieldId: string, artwork: ArtworkMeta): Change {
  const field = context.summary.artwork.find((status) => status.field.id === fieldId)!.field;
  const artworks = new Map(context.artworks).set(artwork.id, artwork);
  const label = `${field.label} added`;
  const history = recordChange(context.history, label, (draft) => {
    const values = { ...(draft.personalisation ?? {}) };
    for (const key of Object.values(artworkPlacementKeys(field.id))) delete values[key];
    values[field.id] = artwork.id;
    draft.personalisation = values;
  });
  const next = withHistory({ ...context, artworks }, history, label);
  const status = next.summary?.artwork.find((candidate) => candidate.field.id === field.id);
  const said = [...(status?.problems ?? []), ...(status?.warnings ?? [])].join(' ');
  return { ...next, artworks, announcement: `${label}.${said ? ` ${said}` : ''}` };
}

/** The field's artwork and its placement are removed. */
export function removeArtwork(context: SessionContext, fieldId: string): Change {
  const field = context.summary.artwork.find((status) => status.field.id === fieldId)!.field;
  const label = `${field.label} removed`;
  const history = recordChange(context.history, label, (draft) => {
    const values = { ...(draft.personalisation ?? {}) };
    for (const key of personalisationKeysOf(field)) delete values[key];
    draft.personalisation = values;
  });
  return withHistory(context, history, label);
}

import { useSelector } from '@xstate/react';
import { memo, useId } from 'react';
import { ARTWORK_LIMITS, artworkPlacementKeys } from '../domain/index.ts';
import { useConfiguratorActor } from './ConfiguratorActorContext.ts';
import { FieldMessages } from './FieldMessages.tsx';
import { PersonalisationInput } from './PersonalisationInput.tsx';

const LIMIT_MB = ARTWORK_LIMITS.maxBytes / 1024 / 1024;

/** Props of {@link ArtworkField}. */
export interface ArtworkFieldProps {
  readonly fieldId: string;
}

/**
 * One artwork field: a labelled file input (PNG, JPEG or SVG up to the shop's limit; the session
 * uploads the file), then the artwork's size and position in the print area as sliders in
 * millimetres, its print resolution, and what stops the order (an alert) or only warns (a soft
 * print). Shown while the field is offered.
 */
export const ArtworkField = memo(function ArtworkField({ fieldId }: ArtworkFieldProps) {
  const actor = useConfiguratorActor();
  const status = useSelector(actor, (snapshot) => snapshot.context.summary.artwork.find((candidate) => candidate.field.id === fieldId));
  const upload = useSelector(actor, (snapshot) => snapshot.context.uploads.get(fieldId));
  const id = useId();
  if (!status || !status.offered) return null;
  const { field, artwork, box } = status;
  const uploading = upload?.state === 'uploading';
  const problems = [...(upload?.state === 'failed' ? [upload.message] : []), ...status.problems];
  const warnings = [...status.warnings, ...(upload?.state === 'uploaded' ? upload.warnings : [])];
  const keys = artworkPlacementKeys(field.id);
  const edit = (key: string, value: number) => actor.send({ type: 'personalisation.edit', key, value: value.toFixed(1) });

  return (
    <div className="personalisation">
      <PersonalisationInput
        fieldId={field.id}
        label={field.label}
        hintId={`${id}-hint`}
        problemsId={`${id}-problems`}
        invalid={problems.length > 0}
        type="file"
        accept="image/png,image/jpeg,image/svg+xml,.png,.jpg,.jpeg,.svg"
        disabled={uploading}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) actor.send({ type: 'artwork.upload', field: field.id, file });
        }}
      >
        <p id={`${id}-hint`} className="field__hint">
          {uploading ? 'Uploading and checking…' : artwork
            ? `${artwork.format.toUpperCase()}, ${artwork.vector ? 'vector' : `${artwork.widthPx} × ${artwork.heightPx} px`}, ${artwork.colours} ${artwork.colours === 1 ? 'colour' : 'colours'}${status.dpi !== null ? `, prints at ${status.dpi} DPI` : ''}`
            : `PNG, JPEG or SVG up to ${LIMIT_MB} MB; prints in an area of ${field.widthMm} × ${field.heightMm} mm.`}
        </p>
        <FieldMessages id={`${id}-problems`} problems={problems} warnings={warnings} />
      </PersonalisationInput>
      {artwork && box && (
        <div className="personalisation__placement">
          <div className="field">
            <label htmlFor={`${id}-width`}>{field.label} width (mm)</label>
            <input id={`${id}-width`} type="range" min={10} max={field.widthMm} step={1} value={Math.round(box.widthMm)} onChange={(event) => edit(keys.width, Number(event.target.value))} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-x`}>{field.label} from the left (mm)</label>
            <input id={`${id}-x`} type="range" min={0} max={Math.max(0, Math.round(field.widthMm - box.widthMm))} step={1} value={Math.round(box.xMm)} onChange={(event) => edit(keys.x, Number(event.target.value))} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-y`}>{field.label} from the top (mm)</label>
            <input id={`${id}-y`} type="range" min={0} max={Math.max(0, Math.round(field.heightMm - box.heightMm))} step={1} value={Math.round(box.yMm)} onChange={(event) => edit(keys.y, Number(event.target.value))} />
          </div>
          <button type="button" className="button button--quiet" onClick={() => actor.send({ type: 'artwork.remove', field: field.id })}>Remove {field.label.toLowerCase()}</button>
        </div>
      )}
    </div>
  );
});

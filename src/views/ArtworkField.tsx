import { useSelector } from '@xstate/react';
import { memo, useId, useState } from 'react';
import { ArtworkUploadError, uploadArtwork } from './api/uploadArtwork.ts';
import { useConfiguratorActor } from './ConfiguratorActorContext.ts';
import { domIds } from './domIds.ts';

/** Props of {@link ArtworkField}. */
export interface ArtworkFieldProps {
  readonly fieldId: string;
}

/**
 * One artwork field: a labelled file input (PNG, JPEG or SVG up to 10 MB), then the artwork's
 * size and position in the print area as sliders in millimetres, its print resolution, and what
 * stops the order (an alert) or only warns (a soft print). Shown while the field is offered.
 */
export const ArtworkField = memo(function ArtworkField({ fieldId }: ArtworkFieldProps) {
  const actor = useConfiguratorActor();
  const status = useSelector(actor, (snapshot) => snapshot.context.summary.artwork.find((candidate) => candidate.field.id === fieldId));
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [notes, setNotes] = useState<readonly string[]>([]);
  const id = useId();
  if (!status || !status.offered) return null;
  const { field, artwork, box } = status;
  const problems = [...(uploadError ? [uploadError] : []), ...status.problems];
  const edit = (key: string, value: number) => actor.send({ type: 'personalisation.edit', key: `${field.id}.${key}`, value: value.toFixed(1) });

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setUploading(true);
    setUploadError(null);
    try {
      const { artwork: uploaded, warnings } = await uploadArtwork(file);
      setNotes(warnings);
      actor.send({ type: 'artwork.attach', field: field.id, artwork: uploaded });
    } catch (error) {
      setUploadError(error instanceof ArtworkUploadError ? error.message : 'The artwork could not be uploaded; try again.');
    } finally {
      setUploading(false);
    }
  };

  return (
    <div className="personalisation">
      <div className="field">
        <label htmlFor={domIds.personalisationInput(field.id)}>{field.label}</label>
        <input
          id={domIds.personalisationInput(field.id)}
          type="file"
          accept="image/png,image/jpeg,image/svg+xml,.png,.jpg,.jpeg,.svg"
          disabled={uploading}
          aria-invalid={problems.length > 0 ? true : undefined}
          aria-describedby={[`${id}-hint`, problems.length > 0 ? `${id}-problems` : ''].filter(Boolean).join(' ')}
          onChange={(event) => void upload(event.target.files?.[0])}
        />
        <p id={`${id}-hint`} className="field__hint">
          {uploading ? 'Uploading and checking…' : artwork
            ? `${artwork.format.toUpperCase()}, ${artwork.vector ? 'vector' : `${artwork.widthPx} × ${artwork.heightPx} px`}, ${artwork.colours} ${artwork.colours === 1 ? 'colour' : 'colours'}${status.dpi !== null ? `, prints at ${status.dpi} DPI` : ''}`
            : `PNG, JPEG or SVG up to 10 MB; prints in an area of ${field.widthMm} × ${field.heightMm} mm.`}
        </p>
        {problems.length > 0 && (
          <div id={`${id}-problems`} role="alert">
            <ul className="personalisation__problems">
              {problems.map((problem) => <li key={problem}>{problem}</li>)}
            </ul>
          </div>
        )}
        {(status.warnings.length > 0 || notes.length > 0) && (
          <div role="status">
            <ul className="personalisation__warnings">
              {[...status.warnings, ...notes].map((warning) => <li key={warning}>{warning}</li>)}
            </ul>
          </div>
        )}
      </div>
      {artwork && box && (
        <div className="personalisation__placement">
          <div className="field">
            <label htmlFor={`${id}-width`}>{field.label} width (mm)</label>
            <input id={`${id}-width`} type="range" min={10} max={field.widthMm} step={1} value={Math.round(box.widthMm)} onChange={(event) => edit('width', Number(event.target.value))} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-x`}>{field.label} from the left (mm)</label>
            <input id={`${id}-x`} type="range" min={0} max={Math.max(0, Math.round(field.widthMm - box.widthMm))} step={1} value={Math.round(box.xMm)} onChange={(event) => edit('x', Number(event.target.value))} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-y`}>{field.label} from the top (mm)</label>
            <input id={`${id}-y`} type="range" min={0} max={Math.max(0, Math.round(field.heightMm - box.heightMm))} step={1} value={Math.round(box.yMm)} onChange={(event) => edit('y', Number(event.target.value))} />
          </div>
          <button type="button" className="button button--quiet" onClick={() => actor.send({ type: 'artwork.remove', field: field.id })}>Remove {field.label.toLowerCase()}</button>
        </div>
      )}
    </div>
  );
});

/**
 * The studio's editor and worker alone, for `npm run bench:studio`: the rules file of a draft in
 * YamlEditor, checked in the studio's worker as typing pauses (useDraftCheck), as the studio page
 * does. The draft comes from `/studio-latency/draft.json`, served by the benchmark. The page
 * records each keydown's time to the next frame (a frame is painted after the animation-frame
 * callbacks; the task queued from one runs once it is presented) and exposes the figures, and
 * the checks' answers, on `window.studioLatency`.
 */
import { StrictMode, useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import type { Draft } from '../../src/domain/studio/index.ts';
import { useDraftCheck } from '../../src/views/staff/studio/useDraftCheck.ts';
import { YamlEditor, type YamlEditorHandle } from '../../src/views/staff/studio/YamlEditor.tsx';

interface LatencyProbe {
  /** Milliseconds from each keydown to the frame after it. */
  readonly latencies: number[];
  /** Each answer of the worker: when it arrived, how long the check took there, and how many diagnostics. */
  readonly answers: { at: number; millis: number; diagnostics: number }[];
  ready: boolean;
}

const probe: LatencyProbe = { latencies: [], answers: [], ready: false };
(window as unknown as { studioLatency: LatencyProbe }).studioLatency = probe;

addEventListener('keydown', (event) => {
  const started = event.timeStamp;
  requestAnimationFrame(() => setTimeout(() => probe.latencies.push(performance.now() - started), 0));
}, { capture: true });

function Harness({ draft }: { draft: Draft }) {
  const editor = useRef<YamlEditorHandle>(null);
  const check = useDraftCheck();
  const current = () => ({ ...draft, rules: { ...draft.rules, text: editor.current?.text() ?? draft.rules.text } });
  // Once, as the studio checks the draft it opens.
  const { checkNow } = check;
  useEffect(() => {
    checkNow(draft);
  }, [checkNow, draft]);
  useEffect(() => {
    if (check.answer?.type !== 'checked') return;
    probe.answers.push({ at: performance.now(), millis: check.answer.millis, diagnostics: check.answer.diagnostics.length });
    probe.ready = true;
  }, [check.answer]);
  return (
    <main>
      <p id="rules-help">{check.checking ? 'Checking…' : `${check.answer?.diagnostics.length ?? 0} problems`}</p>
      <YamlEditor
        file={draft.rules.file}
        label={`Rules file ${draft.rules.file}`}
        describedBy="rules-help"
        initialText={draft.rules.text}
        diagnostics={check.answer?.diagnostics ?? []}
        vocabulary={check.vocabulary}
        onChange={() => check.schedule(current)}
        handle={editor}
      />
    </main>
  );
}

const draft = (await (await fetch('/studio-latency/draft.json')).json()) as Draft;
createRoot(document.getElementById('root')!).render(<StrictMode><Harness draft={draft} /></StrictMode>);

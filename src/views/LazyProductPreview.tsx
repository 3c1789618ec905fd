import { useEffect, useState } from 'react';
import { LoadingIndicator } from './LoadingIndicator.tsx';
import type { ProductPreviewProps } from './preview/ProductPreview.tsx';

/** The 3D preview's chunk (three.js, react-three-fiber and the scene), loaded on demand. */
type PreviewModule = typeof import('./preview/ProductPreview.tsx');

let loaded: PreviewModule | undefined;
let loading: Promise<PreviewModule> | undefined;

/**
 * Starts loading the 3D preview's code (idempotent), so that it downloads and runs while the page
 * waits for the catalog; a failed load is tried again on the next call.
 */
export function loadPreviewModule(): Promise<PreviewModule> {
  loading ??= import('./preview/ProductPreview.tsx').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * The 3D preview, its code loaded on demand: a loading indicator until the code is there, then
 * `ProductPreview`. A failed load is thrown for the error boundary around it (which shows the 2D
 * illustration).
 *
 * Not `React.lazy` on purpose: a lazy component suspends on its first render even when its code is
 * already there, and React then reveals it no sooner than 300 ms after the fallback appeared (it
 * throttles loading states), which held back the first frame by that much. State renders at once.
 */
export function LazyProductPreview(props: ProductPreviewProps) {
  const [module, setModule] = useState(loaded);
  const [failure, setFailure] = useState<{ readonly error: unknown } | null>(null);
  useEffect(() => {
    if (module) return;
    let current = true;
    loadPreviewModule().then(
      (next) => current && setModule(next),
      (error: unknown) => current && setFailure({ error }),
    );
    return () => {
      current = false;
    };
  }, [module]);
  if (failure) throw failure.error;
  if (!module) return <LoadingIndicator />;
  return <module.ProductPreview {...props} />;
}

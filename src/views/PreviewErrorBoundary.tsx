import { Component, type ErrorInfo, type ReactNode } from 'react';

/** Props of {@link PreviewErrorBoundary}. */
export interface PreviewErrorBoundaryProps {
  /** Shown instead of the children once they have thrown (the 2D illustration). */
  readonly fallback: ReactNode;
  readonly children: ReactNode;
}

interface State {
  readonly failed: boolean;
}

/**
 * Catches a failing 3D preview (a lost WebGL context, a model that will not load, a failed chunk
 * download) and shows the fallback for the rest of the session, so the configurator keeps working.
 */
export class PreviewErrorBoundary extends Component<PreviewErrorBoundaryProps, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.warn('[Atelier] the 3D preview failed; showing the 2D illustration instead.', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

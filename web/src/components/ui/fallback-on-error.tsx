import { Component, type ReactNode } from 'react';

interface FallbackOnErrorProps {
  /** Shown instead of the children once they throw. */
  fallback: ReactNode;
  children: ReactNode;
}

/**
 * An optional part of a page (a map whose code could not be fetched on a flaky phone network)
 * that fails shows `fallback`, and the rest of the page stays.
 */
export class FallbackOnError extends Component<FallbackOnErrorProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

// A page loaded as its own chunk when it is first opened, so the first page's JavaScript stays small.
// Until the chunk is there the page shows the skeleton; if it cannot be fetched (the connection dropped,
// or a new version of draht replaced the chunk) it says so and offers to load the app again.
import { Component, type ComponentType, type ReactNode, Suspense, lazy } from "react";
import { LoadFailed, Loading } from "./LoadState";

class ChunkBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    if (this.state.error) return <LoadFailed error={this.state.error} retry={() => window.location.reload()} />;
    return this.props.children;
  }
}

/** The component `name` of the module `load` imports, loaded on first render with a skeleton until then. */
export function page<K extends string, M extends Record<K, ComponentType<object>>>(load: () => Promise<M>, name: K) {
  const Lazy = lazy(() => load().then((module): { default: ComponentType<object> } => ({ default: module[name] })));
  function Page() {
    return (
      <ChunkBoundary>
        <Suspense fallback={<Loading />}>
          <Lazy />
        </Suspense>
      </ChunkBoundary>
    );
  }
  Page.displayName = `page(${name})`;
  return Page;
}

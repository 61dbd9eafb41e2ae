/** jsdom has no ResizeObserver; Fluent's MessageBar observes its own width to reflow. Nothing resizes here. */
class NoResize {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const g = globalThis as unknown as { ResizeObserver?: unknown };
if (typeof window !== "undefined" && !g.ResizeObserver) g.ResizeObserver = NoResize;

export {};

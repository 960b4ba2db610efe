// Batches rendering to one pass per animation frame: any number of updates between two frames cost one render.
export function frameBatcher(render) {
  let scheduled = false;
  return function schedule() {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      render();
    });
  };
}

/**
 * Offline reading: registers the service worker (dist/sw.js, written by the build) and
 * tells the reader when the network is gone, and what still works.
 */
export function mountOffline(base: string): void {
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch(() => {
      // No service worker (private mode, a host without sw.js): the book works online as before.
    });
  }
  let note: HTMLParagraphElement | null = null;
  const update = () => {
    if (navigator.onLine) {
      note?.remove();
      return;
    }
    note ??= Object.assign(document.createElement('p'), {
      className: 'offline-note',
      role: 'status',
      textContent: 'You are offline. The chapters and the figures you have opened before keep working; new downloads wait for the network.',
    });
    if (!note.isConnected) document.body.prepend(note);
  };
  addEventListener('online', update);
  addEventListener('offline', update);
  update();
}

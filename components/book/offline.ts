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
  const show = (offline: boolean) => {
    if (!offline) {
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
  // navigator.onLine is false only when the device knows it has no network. On a network
  // without a way out (a captive portal, a train's Wi-Fi), and in Chromium 150 after a
  // reload under emulated offline, it says true while the service worker served this page
  // from its cache. A page the service worker served is therefore asked once more: a
  // HEAD request past every cache tells whether the site can be reached.
  const reachable = () =>
    fetch(`${base}sw.js`, { method: 'HEAD', cache: 'no-store' }).then(
      () => true,
      () => false,
    );
  // When only the HEAD request knew, no 'online' event will say the network is back:
  // ask again every few seconds while the notice is up.
  let retry: ReturnType<typeof setTimeout> | undefined;
  const update = async () => {
    clearTimeout(retry);
    if (!navigator.onLine) return show(true);
    const offline = navigator.serviceWorker?.controller ? !(await reachable()) : false;
    show(offline);
    if (offline) retry = setTimeout(() => void update(), 4000);
  };
  addEventListener('online', () => void update());
  addEventListener('offline', () => show(true));
  void update();
}

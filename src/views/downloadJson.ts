/**
 * Saves `data` as a pretty-printed JSON file through the browser's download, without a server:
 * a Blob, an object URL and a temporary `<a download>`.
 *
 * @example downloadJson('atelier-order-sneaker-1a2b3c4d.json', order)
 */
export function downloadJson(fileName: string, data: unknown): void {
  const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns; revoking at once can cancel the download.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

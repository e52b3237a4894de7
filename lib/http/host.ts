/** host[:port] of a URL, for messages that must say where; text that is not a URL is shown as given. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

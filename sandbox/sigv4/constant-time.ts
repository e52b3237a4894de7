/**
 * String comparison whose running time does not depend on where the strings first differ, so a
 * client probing signatures byte by byte learns nothing from response times.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const length = Math.max(a.length, b.length);
  let diff = a.length ^ b.length;
  for (let i = 0; i < length; i++) {
    // charCodeAt past the end is NaN; `| 0` turns it into 0 without a branch.
    diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  }
  return diff === 0;
}

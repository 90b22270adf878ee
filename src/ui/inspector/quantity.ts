// Kubernetes resource quantities ("100m", "64Mi", "1.5G", "2e3"): enough to compare a request
// with its limit, which the API server requires to be no larger.
const SUFFIX: Record<string, number> = {
  '': 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

/** The quantity as a plain number, or null when it is not one Kubernetes understands. */
export function quantityValue(quantity: string): number | null {
  const match = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|([a-zA-Z]*))$/.exec(quantity);
  if (!match) return null;
  const [, number, exponent, suffix = ''] = match;
  if (exponent) return Number(number + exponent);
  const scale = SUFFIX[suffix];
  return scale === undefined ? null : Number(number) * scale;
}

/** Why `request` may not go with `limit` (a request above its limit), or null. */
export function requestAboveLimit(request: string | null, limit: string | null): boolean {
  if (request === null || limit === null) return false;
  const r = quantityValue(request);
  const l = quantityValue(limit);
  return r !== null && l !== null && r > l;
}

// The Vouch JSON API (see /openapi.json). Every failure becomes an ApiError carrying the problem details.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.title = problem?.title || (status === 0 ? 'Cannot reach the Vouch service' : `Error ${status}`);
    this.detail = problem?.detail || '';
    this.field = problem?.field;
  }

  /** No model is loaded yet (503), or the service cannot be reached at all (0). */
  get unavailable() {
    return this.status === 503 || this.status === 0;
  }
}

async function request(path, options = {}) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' }, ...options });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, { detail: 'The page could not talk to the service. Check that it is running.' });
  }
  const type = response.headers.get('content-type') || '';
  const body = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

const id = (value) => encodeURIComponent(value);

function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of [].concat(value ?? [])) {
      if (v !== '' && v != null) q.append(key, v);
    }
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** {ready, version}; never throws for a 503 (that is the answer "not ready"). */
export async function ready() {
  try {
    const response = await fetch('/ready', { headers: { Accept: 'application/json' }, cache: 'no-store' });
    const body = await response.json().catch(() => ({}));
    return { ready: response.ok && body.ready === true, version: body.version };
  } catch {
    return { ready: false, unreachable: true };
  }
}

export const searchReviewers = (q, signal) =>
  request(`/api/reviewers${query({ q, limit: 8 })}`, { signal }).then((r) => r.items);
export const activeReviewers = (limit = 6) =>
  request(`/api/reviewers${query({ limit })}`).then((r) => r.items);
export const reviewer = (reviewerId) => request(`/api/reviewers/${id(reviewerId)}`);
export const kindred = (reviewerId, limit = 5) =>
  request(`/api/reviewers/${id(reviewerId)}/kindred${query({ limit })}`).then((r) => r.items);
export const film = (filmId, reviewerIds = []) =>
  request(`/api/films/${id(filmId)}${query({ reviewer: reviewerIds.join(',') })}`);
export const similar = (filmId, limit = 6) => request(`/api/films/${id(filmId)}/similar${query({ limit })}`);

/** POST /api/suggestions for a trust set (see state.js: toTrustSet). */
export const suggestions = (trustSet, signal) => request('/api/suggestions', {
  method: 'POST',
  headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
  body: JSON.stringify(trustSet),
  signal,
});

/** POST /api/critics/match: reviewers who share the reader's taste, with the agreement record. */
export const matchCritics = (body, signal) => request('/api/critics/match', {
  method: 'POST',
  headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
  signal,
});

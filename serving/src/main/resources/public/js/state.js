// The reader's trust set and its persistence: the URL hash (shareable) and localStorage (survives a plain reload).
// Hash format: #t=<reviewer>~<weight>&t=…&s=<film>&r=<film>~<score>&aspect=story&genre=Drama&from=1990&to=2020

const STORAGE_KEY = 'vouch.reader.v1';
const LABELS_KEY = 'vouch.labels.v1';
export const WEIGHTS = [0.5, 1, 1.5, 2, 3];
export const SUGGESTION_LIMIT = 12;

export function emptyState() {
  return { trusted: [], seen: [], ratings: [], aspect: '', genre: '', minYear: null, maxYear: null };
}

function splitLast(value, sep) {
  const i = value.lastIndexOf(sep);
  return i < 0 ? [value, null] : [value.slice(0, i), value.slice(i + 1)];
}

function year(value) {
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : null;
}

export function toHash(state) {
  const q = new URLSearchParams();
  state.trusted.forEach((t) => q.append('t', `${t.id}~${t.weight}`));
  state.seen.forEach((f) => q.append('s', f));
  state.ratings.forEach((r) => q.append('r', `${r.film}~${r.score}`));
  if (state.aspect) q.set('aspect', state.aspect);
  if (state.genre) q.set('genre', state.genre);
  if (state.minYear != null) q.set('from', state.minYear);
  if (state.maxYear != null) q.set('to', state.maxYear);
  return q.toString();
}

/** The state a hash describes, or null when it describes nothing. */
export function fromHash(hash) {
  const raw = (hash || '').replace(/^#/, '');
  if (!raw) return null;
  const q = new URLSearchParams(raw);
  const state = emptyState();
  for (const t of q.getAll('t')) {
    const [id, weight] = splitLast(t, '~');
    const w = Number.parseFloat(weight);
    if (id && !state.trusted.some((x) => x.id === id)) state.trusted.push({ id, weight: w > 0 ? w : 1 });
  }
  state.seen = [...new Set(q.getAll('s').filter(Boolean))];
  for (const r of q.getAll('r')) {
    const [film, score] = splitLast(r, '~');
    const s = Number.parseFloat(score);
    if (film && Number.isFinite(s)) state.ratings.push({ film, score: s });
  }
  state.aspect = q.get('aspect') || '';
  state.genre = q.get('genre') || '';
  state.minYear = year(q.get('from'));
  state.maxYear = year(q.get('to'));
  const empty = toHash(emptyState());
  return toHash(state) === empty ? null : state;
}

function readJson(key) {
  try {
    return JSON.parse(localStorage.getItem(key) || 'null');
  } catch {
    return null;
  }
}

function writeJson(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or disabled: the URL still holds the state
  }
}

/** A shared link wins; otherwise what this browser remembers; otherwise nothing. */
export function loadState() {
  const fromLink = fromHash(location.hash);
  if (fromLink) return fromLink;
  const saved = readJson(STORAGE_KEY);
  return saved ? fromHash(saved.hash) || emptyState() : emptyState();
}

export function saveState(state) {
  const hash = toHash(state);
  writeJson(STORAGE_KEY, { hash });
  const url = `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`;
  history.replaceState(null, '', url);
}

/** The body of POST /api/suggestions. */
export function toTrustSet(state) {
  const body = {
    trusted: state.trusted.map((t) => ({ reviewer: t.id, weight: t.weight })),
    seen: state.seen,
    ratings: state.ratings.map((r) => ({ film: r.film, score: r.score })),
    limit: SUGGESTION_LIMIT,
  };
  if (state.aspect) body.aspect = state.aspect;
  if (state.genre) body.genre = state.genre;
  if (state.minYear != null) body.min_year = state.minYear;
  if (state.maxYear != null) body.max_year = state.maxYear;
  return body;
}

/** Display names of reviewers and films met so far, kept so the trust set can be shown before the API answers. */
export const labels = {
  data: readJson(LABELS_KEY) || { reviewers: {}, films: {} },
  reviewer(id) {
    return this.data.reviewers[id];
  },
  film(id) {
    return this.data.films[id];
  },
  rememberReviewer(r) {
    this.data.reviewers[r.id] = { name: r.name, role: r.role || null };
    this.save();
  },
  rememberFilm(f) {
    const known = this.data.films[f.id] || {};
    this.data.films[f.id] = { title: f.title, year: f.year ?? known.year ?? null,
      scaleMax: f.scale_max ?? f.scaleMax ?? known.scaleMax ?? null };
    this.save();
  },
  save() {
    writeJson(LABELS_KEY, this.data);
  },
};

/** Holds the state, persists every change and tells the listeners. */
export class Store {
  constructor(state) {
    this.state = state;
    this.listeners = [];
  }

  subscribe(listener) {
    this.listeners.push(listener);
  }

  update(change) {
    change(this.state);
    saveState(this.state);
    this.listeners.forEach((l) => l(this.state));
  }

  trust(id, weight = 1) {
    if (this.isTrusted(id)) return;
    this.update((s) => s.trusted.push({ id, weight }));
  }

  untrust(id) {
    this.update((s) => { s.trusted = s.trusted.filter((t) => t.id !== id); });
  }

  isTrusted(id) {
    return this.state.trusted.some((t) => t.id === id);
  }

  setWeight(id, weight) {
    this.update((s) => { s.trusted.find((t) => t.id === id).weight = weight; });
  }

  markSeen(film) {
    if (this.state.seen.includes(film)) return;
    this.update((s) => s.seen.push(film));
  }

  unmarkSeen(film) {
    this.update((s) => { s.seen = s.seen.filter((f) => f !== film); });
  }

  rate(film, score) {
    this.update((s) => {
      s.ratings = s.ratings.filter((r) => r.film !== film).concat({ film, score });
    });
  }

  unrate(film) {
    this.update((s) => { s.ratings = s.ratings.filter((r) => r.film !== film); });
  }

  setFilters(filters) {
    this.update((s) => Object.assign(s, filters));
  }
}

// The Vouch widget: "If you trust R, watch…" cards inside a shadow root, so the site's CSS and ours never meet.
// Plain ES module, no framework, no network but the Vouch it was loaded from. Loaded by /widget.js.
import { STYLE } from './style.js';

const KINDS = { reviewed: 'Their pick', predicted: 'Prediction' };
const DEFAULT_LIMIT = 5;
const MAX_LIMIT = 20;

/**
 * Renders into host's shadow root. options: base (the Vouch URL ending in /), reviewer (id), limit (1..20, default 5).
 * Returns a promise that settles once the cards, or a message saying why there are none, are shown.
 */
export function mount(host, { base, reviewer, limit }) {
  const root = host.shadowRoot || host.attachShadow({ mode: 'open' });
  const n = clamp(Number.parseInt(limit, 10));
  const title = h('h2', { class: 'title', id: 'vouch-title' }, 'Suggestions from Vouch');
  const status = h('p', { class: 'status', role: 'status' }, 'Loading suggestions…');
  const list = h('ol', { class: 'cards', 'aria-labelledby': 'vouch-title' });
  const section = h('section', { class: 'vouch', 'aria-labelledby': 'vouch-title', 'aria-busy': 'true' },
    title, status, list);
  root.replaceChildren(h('style', null, STYLE), section);
  if (!reviewer) {
    return Promise.resolve(done(section, status, 'This widget needs a data-reviewer attribute.'));
  }
  const api = (path) => fetch(base + path, { headers: { Accept: 'application/json' } }).then((r) => {
    if (!r.ok) throw Object.assign(new Error(`HTTP ${r.status}`), { status: r.status });
    return r.json();
  });
  const id = encodeURIComponent(reviewer);
  return Promise.all([api(`api/reviewers/${id}`), api(`api/reviewers/${id}/suggestions?limit=${n}`)])
    .then(([profile, suggestions]) => {
      title.textContent = `If you trust ${profile.name}, watch…`;
      const page = `${base}#t=${id}~1`;
      list.replaceChildren(...suggestions.items.map((s, i) => card(s, i, page)));
      done(section, status, suggestions.items.length === 0 ? `${profile.name} has no suggestions for now.`
        : `${suggestions.items.length} films ${profile.name} would have you watch.`);
      status.classList.toggle('visually-hidden', suggestions.items.length > 0);
    })
    .catch((e) => done(section, status, e.status === 404 ? 'Vouch does not know this reviewer.'
      : 'Vouch suggestions are unavailable right now.'));
}

function card(s, i, page) {
  const e = s.explanation || {};
  const titleId = `vouch-film-${i}`;
  const score = scoreOf(e);
  return h('li', { class: 'card' },
    h('article', { 'aria-labelledby': titleId },
      h('p', { class: `badge badge--${s.kind}` }, KINDS[s.kind] || 'Suggested'),
      h('h3', { class: 'film', id: titleId },
        h('a', { href: page, target: '_blank', rel: 'noopener' }, s.title,
          h('span', { class: 'visually-hidden' }, ' (opens Vouch in a new tab)')),
        s.year ? h('span', { class: 'year' }, ` ${s.year}`) : null),
      score,
      h('p', { class: 'why' }, e.sentence || '')));
}

function scoreOf(e) {
  const value = e.kind === 'reviewed' ? e.score : e.predicted;
  if (value == null || e.scale_max == null) return null;
  const said = e.kind === 'reviewed' ? `${e.reviewer_name} scored it` : 'Predicted score:';
  // The visible "9.5/10" is read out as words instead (a paragraph cannot carry an aria-label).
  return h('p', { class: 'score' },
    h('span', { 'aria-hidden': 'true' }, e.kind === 'reviewed' ? '' : '≈', h('strong', null, num(value)),
      `/${num(e.scale_max)}`),
    h('span', { class: 'visually-hidden' }, `${said} ${num(value)} out of ${num(e.scale_max)}`));
}

function done(section, status, message) {
  status.textContent = message;
  section.setAttribute('aria-busy', 'false');
  section.dataset.state = 'done';
}

function clamp(value) {
  return Number.isFinite(value) ? Math.min(MAX_LIMIT, Math.max(1, value)) : DEFAULT_LIMIT;
}

function num(x) {
  return Number.isInteger(x) ? String(x) : x.toFixed(1).replace(/\.0$/, '');
}

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
  for (const c of children) if (c != null) el.append(c);
  return el;
}

// Wires the page: state ↔ URL/localStorage, readiness, the panel, the suggestions and the two dialogs.
import * as api from './api.js';
import { renderCritics } from './critics.js';
import { h, listing, mount } from './dom.js';
import * as filmView from './film.js';
import { filters, renderSeen, renderTrusted } from './panel.js';
import * as reviewerView from './reviewer.js';
import { reviewerSearch } from './search.js';
import { labels, loadState, saveState, Store, toTrustSet } from './state.js';
import { card, skeletons } from './suggestions.js';

const READY_POLL_MS = 3000;
const store = new Store(loadState());
const unknownReviewers = new Set();
const aspects = new Set();
const genres = new Set();
let ready = false;
let pending;
let generation = 0;
let focusAfterRender = null;

const results = document.getElementById('results');
const status = document.getElementById('results-status');
const banner = document.getElementById('banner');

const actions = {
  state: () => store.state,
  trust: (profile) => {
    labels.rememberReviewer(profile);
    store.trust(profile.id);
    announce(`${profile.name} added to the reviewers you trust.`);
  },
  untrust: (id) => {
    unknownReviewers.delete(id);
    store.untrust(id);
  },
  isTrusted: (id) => store.isTrusted(id),
  setWeight: (id, w) => store.setWeight(id, w),
  openReviewer: (id) => reviewerView.show(id, actions),
  openFilm: (id) => filmView.show(id, actions),
  markSeen: (film) => {
    labels.rememberFilm(film);
    store.markSeen(film.id);
  },
  unmarkSeen: (id) => store.unmarkSeen(id),
  unrate: (id) => store.unrate(id),
};

function announce(text) {
  status.textContent = text;
}

function showBanner(kind, ...content) {
  banner.className = `banner banner--${kind}`;
  mount(banner, h('div', { class: 'banner__inner' }, ...content));
  banner.hidden = false;
}

function setServiceStatus(text, kind, title) {
  const el = document.getElementById('service-status');
  el.className = `service-status service-status--${kind}`;
  el.textContent = text;
  if (title) el.title = title;
  else el.removeAttribute('title');
}

async function waitUntilReady() {
  const r = await api.ready();
  if (r.ready) {
    ready = true;
    banner.hidden = true;
    setServiceStatus('Ready', 'ok', `Model version ${r.version}`);
    await checkTrusted();
    refresh();
    return;
  }
  ready = false;
  setServiceStatus(r.unreachable ? 'Offline' : 'Warming up', 'wait');
  showBanner('wait', h('span', { class: 'spinner', 'aria-hidden': 'true' }),
    h('p', null, h('strong', null, r.unreachable ? 'Cannot reach the Vouch service. ' : 'Vouch is warming up. '),
      r.unreachable ? 'Check that it is running; this page retries by itself.'
        : 'No recommendation model is loaded yet; this page will fill in as soon as one is.'));
  mount(results, state('wait', r.unreachable ? 'The service is unreachable' : 'Not ready yet',
    'Suggestions will appear here when the service has a model loaded.'));
  setTimeout(waitUntilReady, READY_POLL_MS);
}

/** Looks up every trusted reviewer once: learns their names, and flags those the model does not know. */
async function checkTrusted() {
  await Promise.all(store.state.trusted.map(async (t) => {
    try {
      labels.rememberReviewer(await api.reviewer(t.id));
      unknownReviewers.delete(t.id);
    } catch (e) {
      if (e.status === 404) unknownReviewers.add(t.id);
    }
  }));
  render();
}

function state(kind, title, text, ...extra) {
  return h('div', { class: `state state--${kind}`, role: kind === 'error' ? 'alert' : null },
    h('p', { class: 'state__title' }, title), text ? h('p', { class: 'state__text' }, text) : null, ...extra);
}

async function emptyStart() {
  const box = h('div', { class: 'starters' }, h('p', { class: 'hint' }, 'Loading reviewers…'));
  mount(results, state('empty', 'Whose taste do you trust?',
    'Choose one or more reviewers, and Vouch lists what they would have you watch — with their scores and their words.', box));
  announce('Pick a reviewer to get suggestions.');
  try {
    // Reviewers with a role line (critics, editors) first, then the most active.
    const active = await api.activeReviewers(50);
    const reviewers = [...active.filter((r) => r.role), ...active.filter((r) => !r.role)].slice(0, 6);
    mount(box, h('p', { class: 'starters__label' }, 'Start with one of these reviewers:'),
      h('ul', { class: 'starters__list' }, reviewers.map((r) => h('li', { class: 'starter' },
        h('button', { type: 'button', class: 'link-button starter__name', onclick: () => actions.openReviewer(r.id) }, r.name),
        h('span', { class: 'starter__meta' }, [r.role, `${r.n_reviews} reviews`].filter(Boolean).join(' · ')),
        h('button', { type: 'button', class: 'button button--small', 'aria-label': `Trust ${r.name}`,
          onclick: () => actions.trust(r) }, 'Trust')))));
  } catch {
    mount(box);
  }
}

async function refresh() {
  if (!ready) return;
  const s = store.state;
  if (s.trusted.length === 0 && s.ratings.length === 0) {
    emptyStart();
    return;
  }
  const body = toTrustSet(s);
  body.trusted = body.trusted.filter((t) => !unknownReviewers.has(t.reviewer));
  const mine = ++generation;
  pending?.abort();
  pending = new AbortController();
  results.setAttribute('aria-busy', 'true');
  if (!results.querySelector('.grid') || results.querySelector('.card--skeleton')) mount(results, skeletons());
  else results.classList.add('results__body--stale');
  announce('Loading suggestions…');
  try {
    const list = await api.suggestions(body, pending.signal);
    if (mine === generation) showSuggestions(list);
  } catch (e) {
    if (e.name === 'AbortError' || mine !== generation) return;
    showError(e);
  } finally {
    if (mine === generation) {
      results.setAttribute('aria-busy', 'false');
      results.classList.remove('results__body--stale');
    }
  }
}

function showError(e) {
  if (e.unavailable) {
    waitUntilReady();
    return;
  }
  const field = e.field === 'aspect' ? ' Try another aspect.' : '';
  mount(results, state('error', e.title, `${e.detail}${field}`,
    h('div', { class: 'state__actions' },
      h('button', { type: 'button', class: 'button', onclick: refresh }, 'Try again'),
      h('button', { type: 'button', class: 'button button--quiet', onclick: () => store.setFilters({ aspect: '', genre: '', minYear: null, maxYear: null }) },
        'Clear filters'))));
  announce(`Could not load suggestions: ${e.title}.`);
}

function whoFor(s) {
  const names = s.trusted.filter((t) => !unknownReviewers.has(t.id)).map((t) => labels.reviewer(t.id)?.name || t.id);
  return names.length ? listing(names) : 'your ratings';
}

function showSuggestions(list) {
  const s = store.state;
  list.items.forEach((item) => {
    labels.rememberFilm({ id: item.id, title: item.title, year: item.year, scale_max: item.explanation.scale_max });
    (item.genres || []).forEach((g) => genres.add(g));
    (item.explanation.aspects || []).forEach((a) => aspects.add(a.name));
  });
  writeFilters(s);
  if (list.items.length === 0) {
    mount(results, state('empty', 'Nothing left to suggest',
      'Every film that matches has been seen or rated, or the filters leave nothing. Widen the filters or trust another reviewer.',
      h('button', { type: 'button', class: 'button', onclick: () => store.setFilters({ aspect: '', genre: '', minYear: null, maxYear: null }) }, 'Clear filters')));
    announce('No suggestions match.');
    return;
  }
  const trustedPicks = list.items.filter((i) => i.kind === 'reviewed' || i.kind === 'predicted' || i.kind === 'personal').length;
  const notice = unknownReviewers.size ? h('p', { class: 'notice', role: 'note' },
    `${unknownReviewers.size === 1 ? 'One reviewer' : `${unknownReviewers.size} reviewers`} in your trust set ${unknownReviewers.size === 1 ? 'is' : 'are'} not in the current model and ${unknownReviewers.size === 1 ? 'was' : 'were'} left out.`) : null;
  const fallback = trustedPicks < list.items.length ? h('p', { class: 'notice' },
    trustedPicks === 0 ? 'Your reviewers have nothing more to suggest here, so these are the next best matches.'
      : 'After your reviewers\u2019 picks come tag matches and popular films, marked as such.') : null;
  mount(results, notice,
    h('div', { class: 'grid' }, list.items.map((item) => card(item, {
      onOpenFilm: actions.openFilm,
      onSeen: (it) => {
        rememberFocus(it.id);
        actions.markSeen({ id: it.id, title: it.title, year: it.year, scale_max: it.explanation.scale_max });
        announce(`${it.title} marked as seen.`);
      },
      onRate: (it, score) => {
        rememberFocus(it.id);
        labels.rememberFilm({ id: it.id, title: it.title, year: it.year, scale_max: it.explanation.scale_max });
        store.rate(it.id, score);
      },
    }))), fallback);
  announce(`${list.items.length} ${list.items.length === 1 ? 'suggestion' : 'suggestions'} because you trust ${whoFor(s)}${s.aspect ? ` on ${s.aspect}` : ''}.`);
  restoreFocus();
}

function rememberFocus(filmId) {
  const cards = [...results.querySelectorAll('.card')];
  focusAfterRender = cards.findIndex((c) => c.dataset.filmId === filmId);
}

function restoreFocus() {
  if (focusAfterRender == null) return;
  const cards = results.querySelectorAll('.card');
  const target = cards[Math.min(focusAfterRender, cards.length - 1)];
  (target?.querySelector('[data-action="open"]') || document.getElementById('results-heading')).focus();
  focusAfterRender = null;
}

const writeFilters = filters(store, { aspects, genres });

function render() {
  const s = store.state;
  const focused = document.activeElement?.id;
  renderTrusted(document.getElementById('trusted'), s, { ...actions, unknown: unknownReviewers });
  renderSeen(document.getElementById('seen'), s, actions);
  if (ready) renderCritics(document.getElementById('critics'), s, actions);
  writeFilters(s);
  // Re-rendering the panel must not drop the keyboard user's place (e.g. on a weight slider).
  if (focused && document.activeElement?.id !== focused) document.getElementById(focused)?.focus();
}

store.subscribe(() => {
  render();
  refresh();
});

reviewerSearch({
  onChoose: (r) => {
    labels.rememberReviewer(r);
    actions.openReviewer(r.id);
  },
  isTrusted: actions.isTrusted,
  onUnavailable: () => waitUntilReady(),
});

document.getElementById('copy-link').addEventListener('click', async () => {
  const out = document.getElementById('copy-status');
  try {
    await navigator.clipboard.writeText(location.href);
    out.textContent = 'Link copied.';
  } catch {
    out.textContent = 'Copy the address from the address bar.';
  }
});

window.addEventListener('hashchange', () => {
  const next = loadState();
  store.update((s) => Object.assign(s, next));
  checkTrusted();
});

saveState(store.state);
render();
waitUntilReady();

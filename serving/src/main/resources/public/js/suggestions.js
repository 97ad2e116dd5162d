// Suggestion cards: the film, why (the reviewer's own sentence), their numbers as chips, and what the reader can do.
import { capitalise, h, num, outOf } from './dom.js';

const KINDS = {
  reviewed: { label: 'Their pick', hint: 'The reviewer scored this film.' },
  predicted: { label: 'Prediction', hint: 'Not scored by the reviewer: predicted from their taste.' },
  personal: { label: 'For you', hint: 'Predicted from your own ratings.' },
  tag_match: { label: 'Tag match', hint: 'Matches tags you like.' },
  popular: { label: 'Popular', hint: 'Well liked by many reviewers.' },
};

export function kindBadge(kind) {
  const k = KINDS[kind] || { label: kind, hint: '' };
  return h('span', { class: `badge badge--${kind}`, title: k.hint }, k.label);
}

function scoreChip(e) {
  if (e.kind === 'reviewed' && e.score != null) {
    return h('span', { class: 'score', 'aria-label': `${e.reviewer_name} scored it ${outOf(e.score, e.scale_max)}` },
      h('strong', null, num(e.score)), h('span', { class: 'score__max' }, `/${num(e.scale_max)}`));
  }
  if (e.predicted != null) {
    return h('span', { class: 'score score--predicted', 'aria-label': `predicted about ${outOf(e.predicted, e.scale_max)}` },
      h('span', { class: 'score__approx', 'aria-hidden': 'true' }, '≈'), h('strong', null, num(e.predicted)),
      h('span', { class: 'score__max' }, `/${num(e.scale_max)}`));
  }
  if (e.mean_score != null) {
    return h('span', { class: 'score score--mean', 'aria-label': `average ${outOf(e.mean_score, e.scale_max)}` },
      h('strong', null, num(e.mean_score)), h('span', { class: 'score__max' }, `/${num(e.scale_max)}`));
  }
  return null;
}

export function aspectChips(aspects) {
  return (aspects || []).map((a) => h('li', { class: 'chip chip--aspect' },
    `${capitalise(a.name)} `, h('strong', null, outOf(a.score, a.max))));
}

export function tagChips(tags) {
  return (tags || []).map((t) => h('li', { class: 'chip chip--tag' }, `“${t}”`));
}

function chips(e) {
  const items = [...aspectChips(e.aspects), ...tagChips(e.tags)];
  if (e.supporters) {
    items.push(h('li', { class: 'chip chip--support' },
      `${e.supporters} kindred ${e.supporters === 1 ? 'reviewer' : 'reviewers'}`,
      e.supporters_mean != null ? ` · ${outOf(e.supporters_mean, e.scale_max)}` : ''));
  }
  return items.length ? h('ul', { class: 'chips', 'aria-label': 'Scores and tags' }, items) : null;
}

function rateForm(item, onRate) {
  const max = item.explanation.scale_max || 10;
  const inputId = `rate-${item.id}`;
  const form = h('form', { class: 'rate', hidden: true },
    h('label', { for: inputId, class: 'rate__label' }, `Your score out of ${num(max)}`),
    h('input', { id: inputId, class: 'input input--score', type: 'number', min: 0, max, step: max > 5 ? 0.5 : 0.5,
      required: true, inputmode: 'decimal' }),
    h('button', { type: 'submit', class: 'button button--small' }, 'Save'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const input = form.querySelector('input');
    const score = Number.parseFloat(input.value);
    if (!(score >= 0 && score <= max)) {
      input.setCustomValidity(`Enter a score between 0 and ${num(max)}.`);
      input.reportValidity();
      return;
    }
    onRate(item, score);
  });
  form.addEventListener('input', (e) => e.target.setCustomValidity(''));
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      form.hidden = true;
      form.previousElementSibling?.querySelector('[data-action="rate"]')?.focus();
    }
  });
  return form;
}

/** One suggestion as a card (an article with its own heading). */
export function card(item, { onOpenFilm, onSeen, onRate }) {
  const e = item.explanation;
  const headingId = `film-${item.id}-title`;
  const form = rateForm(item, onRate);
  const el = h('article', { class: `card card--${item.kind}`, 'aria-labelledby': headingId,
    dataset: { filmId: item.id } },
  h('div', { class: 'card__top' },
    h('div', { class: 'card__heading' },
      h('h3', { class: 'card__title', id: headingId },
        h('button', { type: 'button', class: 'link-button', dataset: { action: 'open' },
          onclick: () => onOpenFilm(item.id) }, item.title)),
      h('p', { class: 'card__meta' }, [item.year, (item.genres || []).slice(0, 3).join(', ')]
        .filter(Boolean).join(' · '))),
    scoreChip(e)),
  h('p', { class: 'card__why' }, kindBadge(item.kind), ' ', h('span', { class: 'card__sentence' }, e.sentence)),
  chips(e),
  h('div', { class: 'card__actions' },
    h('button', { type: 'button', class: 'button button--small', dataset: { action: 'seen' },
      'aria-label': `Seen it: ${item.title}`, onclick: () => onSeen(item) }, 'Seen it'),
    h('button', { type: 'button', class: 'button button--small button--quiet', dataset: { action: 'rate' },
      'aria-expanded': 'false', 'aria-label': `Rate ${item.title}`,
      onclick: (ev) => {
        form.hidden = !form.hidden;
        ev.currentTarget.setAttribute('aria-expanded', String(!form.hidden));
        if (!form.hidden) form.querySelector('input').focus();
      } }, 'Rate'),
    h('button', { type: 'button', class: 'button button--small button--quiet', dataset: { action: 'similar' },
      'aria-label': `Similar to ${item.title}`, onclick: () => onOpenFilm(item.id) }, 'Similar films')),
  form);
  return el;
}

export function skeletons(n = 6) {
  return h('div', { class: 'grid', 'aria-hidden': 'true' },
    Array.from({ length: n }, () => h('div', { class: 'card card--skeleton' },
      h('div', { class: 'skeleton skeleton--title' }), h('div', { class: 'skeleton skeleton--line' }),
      h('div', { class: 'skeleton skeleton--line skeleton--short' }), h('div', { class: 'skeleton skeleton--chips' }))));
}

// Shared behaviour of the two dialogs: open as modal, a close button, loading and error states inside.
import { h, mount } from './dom.js';

export function openDialog(dialog, titleId, title) {
  mount(dialog,
    h('div', { class: 'dialog__head' },
      h('h2', { class: 'dialog__title', id: titleId }, title),
      h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Close', onclick: () => dialog.close() }, '×')),
    h('div', { class: 'dialog__body', 'aria-busy': 'true' },
      h('p', { class: 'loading' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Loading…')));
  if (!dialog.open) {
    dialog.showModal();
    // Clicking the backdrop closes, like Escape does.
    dialog.onclick = (e) => { if (e.target === dialog) dialog.close(); };
  }
  dialog.querySelector('.icon-button').focus();
  return dialog.querySelector('.dialog__body');
}

export function fillDialog(body, ...children) {
  body.setAttribute('aria-busy', 'false');
  mount(body, ...children);
}

export function dialogError(body, error, retry) {
  body.setAttribute('aria-busy', 'false');
  const notFound = error.status === 404;
  mount(body, h('div', { class: 'state state--error', role: 'alert' },
    h('p', { class: 'state__title' }, notFound ? 'Not found' : error.title),
    h('p', null, notFound ? `${error.detail} It may have gone in the latest model.` : error.detail),
    notFound ? null : h('button', { type: 'button', class: 'button', onclick: retry }, 'Try again')));
}

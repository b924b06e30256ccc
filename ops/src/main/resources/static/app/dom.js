// Builds DOM nodes. Text is only ever set as text (never parsed as HTML), so names typed by users cannot
// become markup; event handlers are functions, never strings (the Content-Security-Policy forbids those anyway).

const SVG_NS = 'http://www.w3.org/2000/svg';

function apply(element, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) {
      if (typeof value !== 'function') throw new Error(`handler ${key} must be a function`);
      element.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'style' || key === 'innerHTML' || key === 'outerHTML' || key === 'srcdoc') {
      throw new Error(`${key} is not set by this app`);
    } else if (key === 'class') {
      element.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    } else if (key === 'value' || key === 'checked' || key === 'selected') {
      element[key] = value;
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** An HTML element: h('button', {class: 'primary', onclick: save}, 'Save'). */
export function h(tag, attrs, ...children) {
  const element = document.createElement(tag);
  apply(element, attrs);
  append(element, children);
  return element;
}

/** An SVG element, for the charts. */
export function s(tag, attrs, ...children) {
  const element = document.createElementNS(SVG_NS, tag);
  apply(element, attrs);
  append(element, children);
  return element;
}

/** Replaces an element's children. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

let fieldIds = 0;

/** A labelled form field: the label names the control for screen readers and clicks. */
export function field(label, control, hint) {
  if (!control.id) control.id = `f${++fieldIds}`;
  const hintNode = hint ? h('small', { id: `${control.id}-hint`, class: 'hint' }, hint) : null;
  if (hintNode) control.setAttribute('aria-describedby', hintNode.id);
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hintNode);
}

/** A <select> of [value, label] pairs. */
export function select(attrs, options, chosen) {
  return h('select', attrs, options.map(([value, label]) =>
    h('option', { value, selected: value === chosen }, label)));
}

/** A fieldset of checkboxes, all checked unless told otherwise. */
export function checkboxes(legend, name, options, checked = () => true) {
  return h('fieldset', { class: 'checks' }, h('legend', null, legend),
    options.map(([value, label]) => h('label', null,
      h('input', { type: 'checkbox', name, value, checked: checked(value) }), ' ', label)));
}

/** The values of a form's checked boxes of one name. */
export function checkedValues(form, name) {
  return [...form.querySelectorAll(`input[name="${name}"]:checked`)].map(input => input.value);
}

/** A modal dialog: Escape closes it and focus returns where it was. */
export function dialog(title, ...content) {
  const opener = document.activeElement;
  const titleId = `d${++fieldIds}`;
  const box = h('dialog', { class: 'dialog', 'aria-labelledby': titleId },
    h('div', { class: 'dialog-head' },
      h('h2', { id: titleId }, title),
      h('button', { type: 'button', class: 'link close', 'aria-label': 'Close', onclick: () => box.close() }, '✕')),
    h('div', { class: 'dialog-body' }, content));
  box.addEventListener('close', () => {
    box.remove();
    if (opener && opener.isConnected) opener.focus();
  });
  document.body.append(box);
  box.showModal();
  return box;
}

let toastTimer;

/**
 * A short message in the live region at the bottom of the screen, gone after 4 s. With an {@code action}
 * ({label, run}) it shows a button for it and a close button, and stays until one is used or another message comes.
 */
export function toast(message, kind = 'ok', action = null) {
  const node = document.getElementById('toast');
  const hide = () => { node.className = 'toast'; };
  node.className = `toast show ${kind}${action ? ' with-action' : ''}`;
  replace(node, message, action ? [' ',
    h('button', { type: 'button', class: 'link', onclick: action.run }, action.label),
    h('button', { type: 'button', class: 'link close', 'aria-label': 'Close', onclick: hide }, '✕')] : null);
  clearTimeout(toastTimer);
  if (!action) toastTimer = setTimeout(hide, 4000);
}

/** An error message block for a form, announced by screen readers. */
export function errorBox(error) {
  return h('div', { class: 'error', role: 'alert' }, error.message || String(error));
}

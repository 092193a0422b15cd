/** The few DOM builders of the speaker view's layout and the phone remote's. */

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text) node.textContent = text;
  return node;
}

/** A button named for screen readers by `label`, with `title` as its tooltip. */
export function labelledButton(className: string, text: string, label: string, title = label): HTMLButtonElement {
  const node = element('button', className, text);
  node.type = 'button';
  node.setAttribute('aria-label', label);
  node.title = title;
  return node;
}

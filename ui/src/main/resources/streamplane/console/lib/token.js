// The admin token: asked for once per browser session, kept in sessionStorage (gone when the tab closes),
// sent only in the Authorization header, never put in a URL, never logged. The search service's read token
// is kept the same way.

const KEY = 'streamplane.adminToken';
const READ_KEY = 'streamplane.readToken';
const listeners = new Set();

export function token() {
  return sessionStorage.getItem(KEY);
}

export function forgetToken() {
  sessionStorage.removeItem(KEY);
  listeners.forEach(listener => listener());
}

/** Calls back whenever the token is set or forgotten. */
export function onTokenChange(listener) {
  listeners.add(listener);
}

/**
 * Asks for the token in a dialog. Resolves to the token, or null when the user cancels.
 * @param reason why it is needed, shown in the dialog
 */
export function askToken(reason) {
  const dialog = document.getElementById('token-dialog');
  const input = dialog.querySelector('input[name=token]');
  dialog.querySelector('.reason').textContent = reason || 'This action changes the platform: it needs the admin token.';
  input.value = '';
  return new Promise(resolve => {
    dialog.onclose = () => {
      const given = dialog.returnValue === 'ok' ? input.value.trim() : '';
      if (given) {
        sessionStorage.setItem(KEY, given);
        listeners.forEach(listener => listener());
        resolve(given);
      } else {
        resolve(null);
      }
    };
    dialog.showModal();
    input.focus();
  });
}

/** Asks the user to confirm; resolves true or false. */
export function confirmAction(message, confirmLabel) {
  const dialog = document.getElementById('confirm-dialog');
  dialog.querySelector('.message').textContent = message;
  dialog.querySelector('button[value=ok]').textContent = confirmLabel;
  return new Promise(resolve => {
    dialog.onclose = () => resolve(dialog.returnValue === 'ok');
    dialog.returnValue = '';
    dialog.showModal();
  });
}

/** The read token of the search service (streamplane.rag-indexer.read-token), if given in this tab. */
export function readToken() {
  return sessionStorage.getItem(READ_KEY);
}

/** Keeps the read token in this tab's session storage; an empty value forgets it. */
export function setReadToken(value) {
  if (value) {
    sessionStorage.setItem(READ_KEY, value);
  } else {
    sessionStorage.removeItem(READ_KEY);
  }
}

// The dashboard's live alerts: alerts addressed to the signed-in person arrive over Server-Sent
// Events (/api/v1/stream) and are shown as cards, once each, with a sound and (where the person
// allowed it) a browser notification. Without JavaScript the page says where to find alerts.

const LAST_EVENT_ID = 'cascade.live.lastEventId';
const SEEN = 'cascade.live.seen';
const SEEN_KEPT = 200;
const URGENT = new Set(['Extreme', 'Severe']);
const SEVERITY_TAG = {
  Extreme: 'govuk-tag--red',
  Severe: 'govuk-tag--orange',
  Moderate: 'govuk-tag--yellow',
  Minor: 'govuk-tag--green',
};
const TLP_CLASS = {
  CLEAR: 'cascade-tlp--clear',
  GREEN: 'cascade-tlp--green',
  AMBER: 'cascade-tlp--amber',
  'AMBER+STRICT': 'cascade-tlp--amber',
  RED: 'cascade-tlp--red',
};
const KIND = { Alert: 'Alert', Update: 'Update', Cancel: 'Cancelled' };
const FIRST_RETRY = 3000;
const LONGEST_RETRY = 300000;

const panel = document.querySelector('[data-live-alerts]');
if (panel) {
  start(panel);
}

function start(panel) {
  const cards = panel.querySelector('[data-live-cards]');
  const empty = panel.querySelector('[data-live-empty]');
  const status = panel.querySelector('[data-live-status]');
  const announceUrgent = panel.querySelector('[data-live-announce-urgent]');
  const announce = panel.querySelector('[data-live-announce]');
  const seen = new Set(load(SEEN, []));
  let retry = FIRST_RETRY;

  empty.hidden = false;
  status.hidden = false;
  offerNotifications(panel.querySelector('[data-allow-notifications]'));
  connect();

  function connect() {
    const url = new URL(panel.dataset.streamUrl, window.location.origin);
    const last = load(LAST_EVENT_ID, null);
    if (last) {
      url.searchParams.set('lastEventId', last);
    }
    const source = new EventSource(url);
    source.addEventListener('open', () => {
      retry = FIRST_RETRY;
      status.textContent = 'Connected: new alerts for you appear here as they are sent.';
    });
    source.addEventListener('alert', (event) => received(event, showAlert));
    source.addEventListener('ack', (event) => received(event, showAcknowledgements));
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        // Refused (signed out, or the server is restarting): the browser will not retry by itself.
        status.textContent = 'Live alerts are disconnected. Trying again…';
        window.setTimeout(connect, retry);
        retry = Math.min(retry * 2, LONGEST_RETRY);
      } else {
        status.textContent = 'Live alerts are reconnecting…';
      }
    });
  }

  function received(event, show) {
    let data;
    try {
      data = JSON.parse(event.data);
    } catch {
      return;
    }
    if (event.lastEventId) {
      save(LAST_EVENT_ID, event.lastEventId);
    }
    show(data);
  }

  function showAlert(alert) {
    if (alert.alertId === undefined || alert.alertId === null) {
      return;
    }
    const key = `${alert.alertId}:${alert.seq}`;
    if (seen.has(key)) {
      return;
    }
    seen.add(key);
    save(SEEN, [...seen].slice(-SEEN_KEPT));
    const card = alertCard(alert);
    const shown = [...cards.children].find((c) => c.dataset.alertId === String(alert.alertId));
    if (shown) {
      shown.replaceWith(card);
    } else {
      cards.prepend(card);
    }
    empty.hidden = true;
    const urgent = URGENT.has(alert.severity);
    (urgent ? announceUrgent : announce).textContent =
      `${alert.severity || 'New'} alert from ${alert.sender || 'Cascade'}: ${alert.headline || ''}`;
    sound(urgent);
    notify(alert);
  }
}

function alertCard(alert) {
  const urgent = URGENT.has(alert.severity);
  const titleId = `live-alert-${String(alert.alertId).replace(/[^A-Za-z0-9_-]/g, '')}-${alert.seq}-title`;
  const card = element('div', `govuk-notification-banner cascade-live-alert${urgent ? ' cascade-live-alert--urgent' : ''}`);
  card.setAttribute('role', 'region');
  card.setAttribute('aria-labelledby', titleId);
  card.dataset.alertId = String(alert.alertId);
  card.dataset.testid = 'live-alert';

  const header = element('div', 'govuk-notification-banner__header');
  const title = element('h3', 'govuk-notification-banner__title', `${KIND[alert.msgType] || 'Alert'}: ${alert.severity || 'Unknown'}`);
  title.id = titleId;
  header.append(title);

  const content = element('div', 'govuk-notification-banner__content');
  const heading = element('p', 'govuk-notification-banner__heading');
  const link = element('a', 'govuk-notification-banner__link', alert.headline || 'Untitled alert');
  link.href = alertUrl(alert);
  heading.append(link);

  const labels = element('p', 'govuk-body');
  labels.append(
    element('strong', `govuk-tag ${SEVERITY_TAG[alert.severity] || 'govuk-tag--grey'}`, alert.severity || 'Unknown'),
    ' ',
    element('strong', `govuk-tag cascade-tlp ${TLP_CLASS[alert.tlp] || 'cascade-tlp--clear'}`, `TLP:${alert.tlp || 'CLEAR'}`),
  );

  const from = element('p', 'govuk-body-s');
  from.append(`From ${alert.sender || 'unknown sender'}`);
  if (alert.forwardedBy) {
    from.append(`, forwarded by ${alert.forwardedBy}`);
  }
  if (alert.sent) {
    const time = element('time', '', formatTime(alert.sent));
    time.setAttribute('datetime', alert.sent);
    from.append(', sent ', time);
  }
  if (alert.areaDescription) {
    from.append(`. Area: ${alert.areaDescription}`);
  }
  content.append(heading, labels, from);
  if (alert.note) {
    content.append(element('p', 'govuk-inset-text', `Note: ${alert.note}`));
  }

  const result = element('p', 'govuk-body govuk-!-margin-bottom-0');
  result.setAttribute('role', 'status');
  result.dataset.testid = 'acknowledge-result';
  const button = element('button', 'govuk-button govuk-button--secondary govuk-!-margin-bottom-2', 'Acknowledge');
  button.type = 'button';
  button.dataset.testid = 'acknowledge';
  button.addEventListener('click', () => acknowledge(alert, button, result));
  content.append(button, result);

  card.append(header, content);
  return card;
}

async function acknowledge(alert, button, result) {
  const panel = document.querySelector('[data-live-alerts]');
  const headers = { Accept: 'application/json' };
  const token = meta('_csrf');
  const header = meta('_csrf_header');
  if (token && header) {
    headers[header] = token;
  }
  button.disabled = true;
  result.textContent = 'Sending…';
  try {
    const response = await fetch(`${panel.dataset.ackUrl}/${encodeURIComponent(alert.alertId)}/ack`, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
    });
    if (response.ok) {
      button.remove();
      result.textContent = 'Acknowledged';
      return;
    }
    result.textContent = `Not acknowledged (the server answered ${response.status}). Try again, or open the alert.`;
  } catch {
    result.textContent = 'Not acknowledged: Cascade could not be reached. Try again.';
  }
  button.disabled = false;
}

function showAcknowledgements(ack) {
  const selector = `[data-ack-count-for="${CSS.escape(String(ack.alertId))}"]`;
  document.querySelectorAll(selector).forEach((counter) => {
    const acknowledged = counter.querySelector('[data-ack-acknowledged]');
    const recipients = counter.querySelector('[data-ack-recipients]');
    if (acknowledged || recipients) {
      if (acknowledged) acknowledged.textContent = String(ack.acknowledged);
      if (recipients) recipients.textContent = String(ack.recipients);
    } else {
      counter.textContent = `${ack.acknowledged} of ${ack.recipients} acknowledged`;
    }
  });
}

function offerNotifications(button) {
  if (!('Notification' in window) || Notification.permission !== 'default') {
    return;
  }
  button.hidden = false;
  button.addEventListener('click', async () => {
    await Notification.requestPermission();
    button.hidden = true;
  });
}

function notify(alert) {
  if (!('Notification' in window) || Notification.permission !== 'granted') {
    return;
  }
  try {
    const notification = new Notification(`${alert.severity || 'New'} alert: ${alert.headline || ''}`, {
      body: `From ${alert.sender || 'Cascade'}${alert.areaDescription ? ` (${alert.areaDescription})` : ''}`,
      tag: `cascade-alert-${alert.alertId}`,
    });
    notification.addEventListener('click', () => {
      window.focus();
      window.location.assign(alertUrl(alert));
    });
  } catch {
    // Some browsers only notify from a service worker: the card is still shown.
  }
}

let audio;

function sound(urgent) {
  // Browsers refuse sound until the person has used the page; the card and announcement still show.
  if (navigator.userActivation && !navigator.userActivation.hasBeenActive) {
    return;
  }
  try {
    audio = audio || new AudioContext();
    if (audio.state === 'suspended') {
      audio.resume();
    }
    tone(audio.currentTime, urgent ? 880 : 660);
    if (urgent) {
      tone(audio.currentTime + 0.5, 880);
    }
  } catch {
    // No audio output: nothing to do.
  }
}

function tone(at, frequency) {
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.value = frequency;
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(0.2, at + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.4);
  oscillator.connect(gain).connect(audio.destination);
  oscillator.start(at);
  oscillator.stop(at + 0.45);
}

function alertUrl(alert) {
  const base = document.querySelector('[data-live-alerts]')?.dataset.alertsUrl || '/alerts';
  return `${base}/${encodeURIComponent(alert.alertId)}`;
}

function formatTime(iso) {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) {
    return iso;
  }
  return time.toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

function element(name, className, text) {
  const node = document.createElement(name);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function meta(name) {
  return document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') || '';
}

function load(key, fallback) {
  try {
    const value = window.sessionStorage.getItem(key);
    return value === null ? fallback : JSON.parse(value);
  } catch {
    return fallback;
  }
}

function save(key, value) {
  try {
    window.sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage is full or refused: dedupe still works for this page.
  }
}

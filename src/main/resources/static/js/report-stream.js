// One connection to the live stream (/api/v1/stream) for the report pages: calls `on[type]` with
// each event's data, says how the connection is in `status` (if given), and reconnects with a
// growing wait when refused. Report events are not replayed, so a page that reconnects may have
// missed some: it says so, and a reload shows them.

const FIRST_RETRY = 3000;
const LONGEST_RETRY = 300000;

export function listen(url, on, status) {
  let retry = FIRST_RETRY;
  let connectedBefore = false;
  const say = (text) => {
    if (status) {
      status.hidden = false;
      status.textContent = text;
    }
  };
  const connect = () => {
    const source = new EventSource(new URL(url, window.location.origin));
    source.addEventListener('open', () => {
      retry = FIRST_RETRY;
      say(connectedBefore
        ? 'Connected again. Anything sent while disconnected shows when you reload the page.'
        : 'Connected: new reports and feedback appear here as they happen.');
      connectedBefore = true;
    });
    for (const [type, handle] of Object.entries(on)) {
      source.addEventListener(type, (event) => {
        try {
          handle(JSON.parse(event.data));
        } catch {
          // A malformed event is ignored; the page still shows everything on reload.
        }
      });
    }
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        say('Disconnected. Trying again…');
        window.setTimeout(connect, retry);
        retry = Math.min(retry * 2, LONGEST_RETRY);
      } else {
        say('Reconnecting…');
      }
    });
  };
  connect();
}

export function element(name, className, text) {
  const node = document.createElement(name);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  return node;
}

export const TLP_CLASS = {
  CLEAR: 'cascade-tlp--clear',
  GREEN: 'cascade-tlp--green',
  AMBER: 'cascade-tlp--amber',
  'AMBER+STRICT': 'cascade-tlp--amber',
  RED: 'cascade-tlp--red',
};

export function formatTime(iso) {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) {
    return iso || '';
  }
  return time.toLocaleString('en-GB', {
    day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London',
  });
}

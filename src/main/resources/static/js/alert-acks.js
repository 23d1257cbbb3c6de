// Acknowledgement counts that follow the live stream. Elements with data-ack-count-for="{alert id}"
// hold "5 of 19 acknowledged"; when the page names the stream (data-ack-stream, present only where
// the application serves it) each `ack` event, {"alertId":34,"acknowledged":5,"recipients":19},
// rewrites the matching elements' text. Without JavaScript or the stream the counts stay as loaded.

const counts = document.querySelectorAll('[data-ack-count-for]');
const stream = document.querySelector('[data-ack-stream]')?.dataset.ackStream;

if (counts.length > 0 && stream && 'EventSource' in window) {
  const source = new EventSource(stream);
  source.addEventListener('ack', (event) => {
    let ack;
    try {
      ack = JSON.parse(event.data);
    } catch {
      return;
    }
    if (!Number.isFinite(ack.acknowledged) || !Number.isFinite(ack.recipients)) {
      return;
    }
    for (const element of counts) {
      if (element.dataset.ackCountFor === String(ack.alertId)) {
        element.textContent = `${ack.acknowledged} of ${ack.recipients} acknowledged`;
      }
    }
  });
}

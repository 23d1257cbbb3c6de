// Police feedback, live, where the reporter's side reads it: on the dashboard a line per update,
// on a report's page a new entry in its timeline (for that report only). The server sends
// report-feedback events only to people who may see the report.
import { element, formatTime, listen } from './report-stream.js';

const dashboard = document.querySelector('[data-report-feedback]');
const page = document.querySelector('[data-report-page]');
const scope = dashboard || page;
if (scope) {
  const items = scope.querySelector('[data-feedback-items]');
  const announce = scope.querySelector('[data-feedback-announce]');
  const only = page ? page.dataset.reportId : null;
  listen(scope.dataset.streamUrl, {
    'report-feedback': (feedback) => {
      if (!items || (only && String(feedback.reportId) !== only)) {
        return;
      }
      items.append(dashboard ? line(feedback) : entry(feedback));
      if (page) {
        const status = document.querySelector('[data-testid=status]');
        if (status && feedback.statusLabel) {
          status.textContent = feedback.statusLabel;
        }
        document.querySelector('[data-testid=no-feedback]')?.remove();
      }
      if (announce) {
        announce.textContent = `Police feedback: ${feedback.statusLabel || 'message'}. ${feedback.message || ''}`;
      }
    },
  });
}

function line(feedback) {
  const li = element('li', '');
  li.dataset.testid = 'live-feedback-item';
  const link = element('a', 'govuk-link', `Your report: ${feedback.statusLabel || 'new message'}`);
  link.href = feedback.url;
  li.append(link);
  if (feedback.crimeReference) {
    li.append(` (crime reference ${feedback.crimeReference})`);
  }
  if (feedback.message) {
    li.append(`: ${feedback.message}`);
  }
  return li;
}

function entry(feedback) {
  const li = element('li', 'cascade-timeline__entry');
  li.dataset.testid = 'timeline-entry';
  const head = element('p', 'govuk-body govuk-!-margin-bottom-1');
  head.append(element('strong', '', feedback.statusLabel || 'Message'), ' from the police, ');
  const time = element('time', '', formatTime(new Date().toISOString()));
  head.append(time);
  li.append(head);
  if (feedback.message) {
    const text = element('p', 'govuk-body cascade-pre-line', feedback.message);
    text.dataset.testid = 'timeline-text';
    li.append(text);
  }
  if (feedback.crimeReference) {
    const reference = element('p', 'govuk-body', 'Crime reference: ');
    reference.append(element('strong', '', feedback.crimeReference));
    li.append(reference);
  }
  return li;
}

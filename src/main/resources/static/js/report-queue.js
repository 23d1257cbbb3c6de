// The triage queue, live: a report sent in one of the boroughs shown joins the "New" list at once,
// marked as new, and is announced to screen readers. Reports are only ever sent to people who may
// see them (police coordinators see every report), so the page shows what the event carries.
import { element, formatTime, listen, TLP_CLASS } from './report-stream.js';

const queue = document.querySelector('[data-report-queue]');
if (queue) {
  const boroughs = new Set((queue.dataset.boroughs || '').split(' ').filter(Boolean));
  const announce = queue.querySelector('[data-queue-announce]');
  const newGroup = queue.querySelector('[data-queue-status-group="NEW"]');
  listen(queue.dataset.streamUrl, {
    report: (report) => {
      if (!report.reportId || (boroughs.size > 0 && !boroughs.has(report.borough))) {
        return;
      }
      if (queue.querySelector(`[data-report-id="${CSS.escape(String(report.reportId))}"]`)) {
        return;
      }
      newGroup.querySelector('[data-queue-items]').append(item(report));
      const count = newGroup.querySelector('[data-queue-count]');
      count.textContent = String(Number.parseInt(count.textContent, 10) + 1);
      announce.textContent = `New report: ${report.typeLabel} from ${report.organisation}.`;
    },
  }, queue.querySelector('[data-queue-status]'));
}

function item(report) {
  const li = element('li', 'cascade-queue__item cascade-queue__item--new');
  li.dataset.reportId = String(report.reportId);
  li.dataset.testid = 'queue-item';
  const link = element('a', 'govuk-link', report.typeLabel || 'Report');
  link.href = report.url;
  li.append(link, ' ');
  if (report.immediateDanger) {
    li.append(element('strong', 'govuk-tag govuk-tag--red', 'Danger'), ' ');
  }
  li.append(element('strong', `govuk-tag cascade-tlp ${TLP_CLASS[report.tlp] || 'cascade-tlp--clear'}`, `TLP:${report.tlp}`), ' ');
  li.append(element('span', 'govuk-body-s', `${report.organisation}, ${report.borough}, ${formatTime(report.occurredAt)}`));
  li.append(' ', element('strong', 'govuk-tag govuk-tag--blue', 'Just in'));
  return li;
}

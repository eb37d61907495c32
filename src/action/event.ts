/** Which command an event runs when the `command` input is empty (DESIGN.md §4). */
const BY_EVENT: Record<string, string> = {
  pull_request_target: 'validate',
  pull_request_review: 'validate',
  merge_group: 'validate',
  push: 'apply',
  schedule: 'reconcile',
  workflow_dispatch: 'reconcile',
};

export function commandForEvent(eventName: string): string | undefined {
  return Object.hasOwn(BY_EVENT, eventName) ? BY_EVENT[eventName] : undefined;
}

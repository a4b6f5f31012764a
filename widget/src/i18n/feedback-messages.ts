import { resolveLocale } from './index.js';

/** Strings of the notification region that reports what finished and what failed. */
export interface FeedbackMessages {
  notifications: string;
  dismiss: string;
}

export const enFeedback: FeedbackMessages = { notifications: 'Notifications', dismiss: 'Dismiss' };
export const deFeedback: FeedbackMessages = { notifications: 'Benachrichtigungen', dismiss: 'Schließen' };

const catalog = new Map<string, FeedbackMessages>([
  ['en', enFeedback],
  ['de', deFeedback],
]);

export function registerFeedbackLocale(tag: string, messages: FeedbackMessages): void {
  catalog.set(tag.toLowerCase(), messages);
}

export function feedbackMessagesFor(locale?: string | null): FeedbackMessages {
  const tag = resolveLocale(locale);
  return catalog.get(tag) ?? catalog.get(tag.split(/[-_]/)[0] ?? '') ?? enFeedback;
}

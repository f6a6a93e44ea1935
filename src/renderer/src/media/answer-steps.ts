/**
 * The answer path's steps as User Timing marks (`answer:<step>` in the page's performance
 * timeline), so `npm run bench:answer` can show where the time between the click and the first
 * sound goes. Each mark replaces the previous call's: the timeline keeps one answer, not all.
 */
export type AnswerStep = 'accept-sent' | 'accept-answered' | 'answer-applied'

export const ANSWER_MARK_PREFIX = 'answer:'

export function markAnswerStep(step: AnswerStep): void {
  const name = ANSWER_MARK_PREFIX + step
  // Not every engine the tests run in has User Timing; the answer never depends on it.
  if (typeof performance.mark !== 'function') return
  performance.clearMarks(name)
  performance.mark(name)
}

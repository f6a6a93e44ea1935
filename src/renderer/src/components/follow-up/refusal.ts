/**
 * Meta's refusal of a message, in the desk's words: the `followUp.refusal` sentence for the words
 * key the hub recorded, with Facebook's code after it when there is one (for the owner's support).
 */
import type { ComposerTranslation } from 'vue-i18n'
import { REFUSAL_WORDS, type RefusalWords } from '../../../../shared/missed-reply'

export function refusalSentence(
  t: ComposerTranslation,
  words: string,
  graphCode: number | undefined
): string {
  const key: RefusalWords = (REFUSAL_WORDS as readonly string[]).includes(words)
    ? (words as RefusalWords)
    : 'other'
  const sentence = t(`followUp.refusal.${key}`)
  return graphCode === undefined
    ? sentence
    : `${sentence} ${t('followUp.refusal.code', { code: graphCode })}`
}

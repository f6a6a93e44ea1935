import { useI18n } from 'vue-i18n'
import { wordMedia, type MediaText } from '../media/media-words'

/** The call's audio words (calls.media) in the desk's language; a device's own name as it is. */
export function useMediaText(): (text: MediaText) => string {
  const { t } = useI18n()
  return (text) => wordMedia(text, t)
}

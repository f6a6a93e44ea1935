import type en from '../en/settings'

/** Los ajustes traducidos hasta ahora: el idioma del puesto. */
export default {
  language: {
    label: 'Idioma',
    system: 'Como el sistema',
    en: 'English',
    es: 'Español'
  }
} satisfies typeof en

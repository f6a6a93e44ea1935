/** Settings worded here so far: the desk's language. */
export default {
  language: {
    label: 'Language',
    system: 'As the system',
    en: 'English',
    es: 'Español'
  }
}

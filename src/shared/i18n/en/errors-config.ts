/**
 * What the app's own files and pastes make of the setup: an invitation or desk name that does not
 * read, secrets that cannot be kept, a settings file or history entries that could not be used.
 * Only Page setup, Settings and History show them, so the windows load these with those views,
 * not at start.
 */
export default {
  invitation: {
    notCode: 'This is not a pairing code: copy the whole line the hub shows.',
    addressNotWeb: 'The address before the pairing code is not a web address.',
    addressNotHttps: 'The address before the pairing code must start with https://.'
  },
  deskName: 'A desk name is 1 to {max} printable characters.',
  secrets: {
    noSecureStorage:
      'This computer offers the app no secure storage, so your Page token and app secret are kept only until you quit the app; you will need to enter them again next time.',
    noLinuxKeyring:
      'No keyring (such as GNOME Keyring or KWallet) is available to protect your Page token and app secret, so they are kept only until you quit the app. Set up or unlock a keyring, then enter them again to have them saved.',
    fileOpen:
      '{file} is open to other users (mode {mode}), so its tokens may have leaked; make it private with: chmod 600 "{file}"',
    fileNotJson: '{file} is not valid JSON; fix or delete it',
    fileNotStrings: '{file} must be a JSON object of strings ({keys})'
  },
  historyFile: {
    oneKept: '1 entry could not be read; it was kept in {file}.',
    manyKept: '{count} entries could not be read; they were kept in {file}.',
    oneStays: '1 entry could not be read; it stays in {file}, as copying it aside failed.',
    manyStays:
      '{count} entries could not be read; they stay in {file}, as copying them aside failed.'
  },
  settingsFile: {
    unreadable:
      '{name} could not be read ({problem}), so the app started on the default settings; the file was kept as {target}.',
    unusable:
      'Some settings in {name} could not be used, so their defaults apply; the file as it was is kept as {target}.',
    unusableNamed:
      'Some settings in {name} could not be used ({fields}), so their defaults apply; the file as it was is kept as {target}.',
    unreadableKept:
      '{name} could not be read ({problem}) and could not be moved aside, so changes made here are not saved until it is fixed or removed: {file}.',
    unusableKept:
      'Some settings in {name} could not be used, so changes made here are not saved until it is fixed or removed: {file}.',
    forbidden: 'the app may not open it',
    folder: 'it is a folder',
    notSettings: 'it does not hold settings',
    notJson: 'it is not valid JSON'
  }
}

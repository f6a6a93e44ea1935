/** Names the operating system knows the app by; electron-builder.yml repeats them (a test checks). */

/** CFBundleIdentifier on macOS, the AppUserModelID on Windows (notifications and the taskbar). */
export const APP_ID = 'com.messenger-softphone.desktop'
export const APP_NAME = 'Messenger Softphone'

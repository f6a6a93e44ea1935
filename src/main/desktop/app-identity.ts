/** Names the operating system knows the app by; electron-builder.yml repeats them (a test checks). */

/** CFBundleIdentifier on macOS, the AppUserModelID on Windows (notifications and the taskbar). */
export const APP_ID = 'com.messenger-softphone.desktop'
export const APP_NAME = 'Messenger Softphone'
/**
 * The .desktop file's name on Linux. Electron reads `desktopName` from package.json as the app's
 * Wayland app_id / X11 WM_CLASS and launcher identity (Electron docs, app.setDesktopName: "must
 * match the base filename of the app's installed .desktop file"), which groups the window under
 * its launcher and lets app.setBadgeCount reach it. electron-builder names the installed file after
 * linux.executableName; the autostart entry reuses the name. A test checks all three agree.
 */
export const LINUX_DESKTOP_NAME = 'messenger-softphone.desktop'

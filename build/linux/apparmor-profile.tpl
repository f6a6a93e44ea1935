# AppArmor profile the .deb installs as /etc/apparmor.d/<executable> (electron-builder's default
# after-install script copies it there and loads it with apparmor_parser; after-remove unloads it).
#
# Why: Ubuntu 24.04 and later restrict unprivileged user namespaces through AppArmor
# (kernel.apparmor_restrict_unprivileged_userns=1), and Chromium's sandbox needs one to start its
# renderers. The sandbox is never turned off (Electron's security checklist: "Enable process
# sandboxing"); instead this profile allows user namespaces to this one binary, as Ubuntu's own
# profiles do for Chrome and other Electron apps. "flags=(unconfined)" confines nothing else.
# abi/4.0 is AppArmor 4 (Ubuntu 24.04+); on older systems the install script skips the profile,
# and those systems do not restrict user namespaces anyway.
abi <abi/4.0>,
include <tunables/global>

profile "${executable}" "/opt/${sanitizedProductName}/${executable}" flags=(unconfined) {
  userns,

  # Site-specific additions and overrides. See local/README for details.
  include if exists <local/${executable}>
}
